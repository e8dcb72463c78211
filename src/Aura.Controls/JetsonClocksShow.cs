using System.Globalization;

namespace Aura.Controls;

/// <summary>
/// Reads <c>jetson_clocks --show</c>: the clocks are on (pinned) when every online CPU's MinFreq equals its MaxFreq and,
/// when a GPU line is printed, the GPU's too. That is the state <c>jetson_clocks</c> leaves and <c>--restore</c> undoes.
/// </summary>
internal static class JetsonClocksShow
{
    /// <summary>True or false, or null when the output has no CPU lines to judge by.</summary>
    public static bool? IsOn(string output)
    {
        var cpus = 0;
        var pinned = true;
        foreach (var raw in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            var isCpu = raw.StartsWith("cpu", StringComparison.Ordinal) && raw.Contains(':', StringComparison.Ordinal);
            var isGpu = raw.StartsWith("GPU ", StringComparison.Ordinal);
            if (!isCpu && !isGpu)
            {
                continue;
            }

            if (isCpu && Field(raw, "Online") == 0)
            {
                continue;
            }

            var min = Field(raw, "MinFreq");
            var max = Field(raw, "MaxFreq");
            if (min is null || max is null)
            {
                continue;
            }

            cpus += isCpu ? 1 : 0;
            pinned &= min == max;
        }

        return cpus == 0 ? null : pinned;
    }

    private static long? Field(string line, string name)
    {
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > name.Length + 1 && word.StartsWith(name, StringComparison.Ordinal) && word[name.Length] == '='
                && long.TryParse(word.AsSpan(name.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
