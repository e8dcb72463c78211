using System.Globalization;

namespace Aura.Cli;

/// <summary>Numeric flags parsed invariantly, with errors that name the flag and the bad text.</summary>
internal static class NumberArgument
{
    public static double? Seconds(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
        {
            throw new UsageException($"{option} must be a finite number of seconds greater than 0, not '{text}'");
        }

        return value;
    }

    public static int? Count(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new UsageException($"{option} must be a whole number of at least 1, not '{text}'");
        }

        return value;
    }
}
