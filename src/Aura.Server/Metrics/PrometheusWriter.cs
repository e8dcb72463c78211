using System.Buffers;
using System.Globalization;
using System.Text;

namespace Aura.Server.Metrics;

/// <summary>Writes Prometheus text exposition (format 0.0.4) as UTF-8, escaping HELP text and label values as the format requires.</summary>
internal sealed class PrometheusWriter(IBufferWriter<byte> output)
{
    public void Family(string name, string help, string type)
    {
        Ascii("# HELP ");
        Ascii(name);
        Byte((byte)' ');
        Escaped(help, escapeQuotes: false);
        Ascii("\n# TYPE ");
        Ascii(name);
        Byte((byte)' ');
        Ascii(type);
        Byte((byte)'\n');
    }

    public void Sample(string name, double value, string? label1 = null, string? value1 = null, string? label2 = null, string? value2 = null) =>
        Sample(name, value, label1, value1, label2, value2, default);

    /// <summary>A sample with up to two more labels after the family's own (a GPU's uuid and name); a null value leaves its label out.</summary>
    public void Sample(string name, double value, string? label1, string? value1, string? label2, string? value2, ExtraLabels extra)
    {
        Ascii(name);
        if (label1 is not null && value1 is not null)
        {
            Byte((byte)'{');
            Label(label1, value1);
            if (label2 is not null && value2 is not null)
            {
                Byte((byte)',');
                Label(label2, value2);
            }

            if (extra.Value1 is not null)
            {
                Byte((byte)',');
                Label(extra.Name1!, extra.Value1);
            }

            if (extra.Value2 is not null)
            {
                Byte((byte)',');
                Label(extra.Name2!, extra.Value2);
            }

            Byte((byte)'}');
        }

        Byte((byte)' ');
        Number(value);
        Byte((byte)'\n');
    }

    private void Label(string name, string value)
    {
        Ascii(name);
        Ascii("=\"");
        Escaped(value, escapeQuotes: true);
        Byte((byte)'"');
    }

    private void Number(double value)
    {
        if (double.IsNaN(value))
        {
            Ascii("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            Ascii(value > 0 ? "+Inf" : "-Inf");
            return;
        }

        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a double always fits in 32 bytes");
        }

        output.Advance(written);
    }

    /// <summary>Backslash and newline always; double quotes only in label values (HELP text keeps them as is).</summary>
    private void Escaped(string text, bool escapeQuotes)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '"' when escapeQuotes => "\\\"",
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            Utf8(text.AsSpan(start, i - start));
            Ascii(escape);
            start = i + 1;
        }

        Utf8(text.AsSpan(start));
    }

    private void Ascii(string text) => Utf8(text);

    private void Utf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
