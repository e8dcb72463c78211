using System.Globalization;

namespace Aura.Telemetry.Jetson;

/// <summary>The small number and size forms tegrastats prints: <c>41.375</c>, <c>59%</c>, <c>4MB</c>, <c>252kB</c>, <c>5704mW</c>.</summary>
internal static class TegraNumbers
{
    public static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    public static bool TryPercent(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        return text.Length > 1 && text[^1] == '%' && TryNumber(text[..^1], out value) && value >= 0;
    }

    /// <summary>A size with its binary unit (<c>B</c>, <c>kB</c>/<c>KB</c>, <c>MB</c>, <c>GB</c>) in bytes; <paramref name="defaultUnit"/> when none is written.</summary>
    public static bool TrySize(ReadOnlySpan<char> text, long defaultUnit, out long bytes)
    {
        bytes = 0;
        var split = NumberEnd(text);
        if (split == 0 || !TryNumber(text[..split], out var number) || number < 0)
        {
            return false;
        }

        var unit = text[split..];
        long scale = unit switch
        {
            "" => defaultUnit,
            "B" => 1,
            "kB" or "KB" or "K" => 1024,
            "MB" or "M" => 1024 * 1024,
            "GB" or "G" => 1024L * 1024 * 1024,
            _ => 0,
        };
        if (scale == 0 || defaultUnit == 0 && unit.IsEmpty)
        {
            return false;
        }

        bytes = (long)Math.Round(number * scale);
        return true;
    }

    /// <summary>A power figure in milliwatts: <c>mW</c>, <c>W</c>, or no unit (documented as mW).</summary>
    public static bool TryPower(ReadOnlySpan<char> text, out double milliwatts, out string unit)
    {
        milliwatts = 0;
        unit = "";
        var split = NumberEnd(text);
        if (split == 0 || !TryNumber(text[..split], out var number) || number < 0)
        {
            return false;
        }

        switch (text[split..])
        {
            case "":
                milliwatts = number;
                return true;
            case "mW":
                milliwatts = number;
                unit = "mW";
                return true;
            case "W":
                milliwatts = number * 1000;
                unit = "W";
                return true;
            default:
                return false;
        }
    }

    /// <summary>The length of the leading number (digits, one point, a leading minus).</summary>
    public static int NumberEnd(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        return i;
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
