using System.Globalization;

namespace Aura.Tui.History;

/// <summary>A recorded tick's series values regrouped by family, each with its first (and second) label value.</summary>
internal sealed class RecordedValues
{
    private readonly Dictionary<string, List<(string Label1, string Label2, double Value)>> _families = new(StringComparer.Ordinal);

    public RecordedValues(IReadOnlyDictionary<string, double> values)
    {
        foreach (var (key, value) in values)
        {
            var brace = key.IndexOf('{', StringComparison.Ordinal);
            var name = brace < 0 ? key : key[..brace];
            var (label1, label2) = brace < 0 ? ("", "") : Labels(key.AsSpan(brace + 1, key.Length - brace - 2));
            if (!_families.TryGetValue(name, out var list))
            {
                _families[name] = list = [];
            }

            list.Add((label1, label2, value));
        }
    }

    public double? One(string family) => _families.TryGetValue(family, out var list) && list.Count > 0 ? list[0].Value : null;

    public double? Get(string family, string label1, string label2 = "")
    {
        if (_families.TryGetValue(family, out var list))
        {
            foreach (var item in list)
            {
                if (item.Label1 == label1 && item.Label2 == label2)
                {
                    return item.Value;
                }
            }
        }

        return null;
    }

    public IReadOnlyList<(string Label1, string Label2, double Value)> All(string family) =>
        _families.TryGetValue(family, out var list) ? list : [];

    public static int Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    /// <summary>The values of <c>a="x",b="y"</c>, unescaping \\, \" and \n.</summary>
    private static (string, string) Labels(ReadOnlySpan<char> text)
    {
        var values = new List<string>(2);
        var i = 0;
        while (i < text.Length && values.Count < 2)
        {
            var open = text[i..].IndexOf('"');
            if (open < 0)
            {
                break;
            }

            i += open + 1;
            var value = new System.Text.StringBuilder();
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    value.Append(text[i] == 'n' ? '\n' : text[i]);
                }
                else
                {
                    value.Append(text[i]);
                }

                i++;
            }

            values.Add(value.ToString());
            i++;
        }

        return (values.Count > 0 ? values[0] : "", values.Count > 1 ? values[1] : "");
    }
}
