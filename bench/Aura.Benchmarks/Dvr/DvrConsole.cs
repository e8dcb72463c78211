using System.Globalization;

namespace Aura.Benchmarks.Dvr;

/// <summary>Console modes of the benchmark project for the DVR: figures that are sizes, not times.</summary>
internal static class DvrConsole
{
    public static bool TryRun(string[] args)
    {
        switch (args)
        {
            case ["dvr-size", var trace, .. var options]:
                DvrSize.Run(trace, Option(options, "--repeat", 1), TimeSpan.FromMinutes(Option(options, "--block-minutes", 60)));
                return true;
            case ["dvr-memory", var trace, .. var options]:
                DvrMemory.Run(trace, Option(options, "--hours", 3));
                return true;
            case ["dvr-record", var seconds, var path]:
                DvrRecord.Run(int.Parse(seconds, CultureInfo.InvariantCulture), path).GetAwaiter().GetResult();
                return true;
            case ["dvr-30d"]:
                Console.WriteLine(DvrBenchData.ThirtyDays());
                return true;
            default:
                return false;
        }
    }

    private static int Option(string[] options, string name, int fallback)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
