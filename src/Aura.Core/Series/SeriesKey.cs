using System.Text;

namespace Aura.Core.Series;

/// <summary>The identity of one series: a family plus its label values, written `name{a="x",b="y"}`.</summary>
public static class SeriesKey
{
    public static string Format(SeriesFamily family, string? label1, string? label2)
    {
        if (family.Label1 is null || label1 is null)
        {
            return family.Name;
        }

        var builder = new StringBuilder(family.Name.Length + 32);
        builder.Append(family.Name).Append('{');
        AppendLabel(builder, family.Label1, label1);
        if (family.Label2 is not null && label2 is not null)
        {
            builder.Append(',');
            AppendLabel(builder, family.Label2, label2);
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Escapes a label value as the Prometheus text format requires (backslash, quote, newline).</summary>
    public static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                default: builder.Append(c); break;
            }
        }
    }

    private static void AppendLabel(StringBuilder builder, string name, string value)
    {
        builder.Append(name).Append("=\"");
        AppendEscaped(builder, value);
        builder.Append('"');
    }
}
