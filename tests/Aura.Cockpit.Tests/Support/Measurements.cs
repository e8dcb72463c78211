using System.Globalization;

namespace Aura.Cockpit.Tests.Support;

/// <summary>
/// Figures the cockpit tests measure on the way (never asserted: the machine is shared and noisy), appended to
/// artifacts/measurements.tsv and printed, for docs/benchmarks.md.
/// </summary>
internal static class Measurements
{
    private static readonly Lock Gate = new();

    public static void Record(string name, double value)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow():O}\t{name}\t{value:0.###}\n");
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(RepoPaths.Artifacts, "measurements.tsv"), line);
        }

        Console.WriteLine($"measured {name} = {value.ToString("0.###", CultureInfo.InvariantCulture)}");
    }
}
