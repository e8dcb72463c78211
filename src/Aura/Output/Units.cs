using System.Globalization;

namespace Aura.Output;

/// <summary>Human-readable sizes, rates and durations (binary units, as `free -h` and `df -h` show them).</summary>
internal static class Units
{
    private static readonly string[] Suffixes = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(double bytes)
    {
        var index = 0;
        while (Math.Abs(bytes) >= 1024 && index < Suffixes.Length - 1)
        {
            bytes /= 1024;
            index++;
        }

        return index == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {Suffixes[index]}");
    }

    public static string Rate(double? bytesPerSecond) => bytesPerSecond is { } r ? Bytes(r) + "/s" : "--";

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes}m");
    }
}
