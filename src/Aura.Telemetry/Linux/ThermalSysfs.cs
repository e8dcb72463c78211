using System.Globalization;
using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>Reads the one-value text files of sysfs thermal and hwmon directories.</summary>
internal static class ThermalSysfs
{
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    /// <summary>An integer in millidegrees Celsius; false for a missing file, "N/A", empty or garbage.</summary>
    public static bool TryReadMillidegrees(string path, ref byte[] buffer, out long millidegrees)
    {
        millidegrees = 0;
        return KernelFile.TryRead(path, ref buffer, out var content) && AsciiTokens.TryParseLong(content.Trim(Whitespace), out millidegrees);
    }

    public static double? ReadThreshold(ref byte[] buffer, string path) =>
        TryReadMillidegrees(path, ref buffer, out var millidegrees) ? ThermalRange.Threshold(millidegrees) : null;

    /// <summary>The trimmed text of a file, or null when it is missing or blank.</summary>
    public static string? ReadText(ref byte[] buffer, string path)
    {
        if (!KernelFile.TryRead(path, ref buffer, out var content))
        {
            return null;
        }

        var text = content.Trim(Whitespace);
        return text.IsEmpty ? null : Encoding.UTF8.GetString(text);
    }

    /// <summary>
    /// Subdirectories named prefix + number, in numeric order (thermal_zone2 before thermal_zone10). In a real sysfs
    /// they are symlinks to directories, which enumerate as directories.
    /// </summary>
    public static List<(int Index, string Name, string Path)> NumberedDirectories(string parent, string prefix)
    {
        var found = new List<(int Index, string Name, string Path)>();
        try
        {
            foreach (var path in Directory.EnumerateDirectories(parent, prefix + "*"))
            {
                var name = Path.GetFileName(path);
                if (int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    found.Add((index, name, path));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missing class directory means no sensors of that kind; a vanished entry is picked up next discovery.
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }
}
