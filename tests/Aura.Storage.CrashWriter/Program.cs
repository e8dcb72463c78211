using System.Globalization;
using Aura.Core.Model;
using Aura.Storage.Dvr;

namespace Aura.Storage.CrashWriter;

/// <summary>
/// Usage: <c>Aura.Storage.CrashWriter &lt;db&gt; &lt;flush-ms&gt; &lt;tick-ms&gt;</c>. Appends a tick every tick-ms until
/// killed, printing "appended T" for each and "flushed T" when a background flush commits (T in Unix ms).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var clock = TimeProvider.System;
        var options = new DvrOptions
        {
            Path = args[0],
            FlushInterval = TimeSpan.FromMilliseconds(int.Parse(args[1], CultureInfo.InvariantCulture)),
        };
        using var writer = DvrWriter.Open(options, clock);
        writer.Flushed += (_, e) => Console.WriteLine($"flushed {e.Through.ToUnixTimeMilliseconds()}");
        writer.FlushFailed += (_, e) => Console.Error.WriteLine($"flush failed: {e.Error.Message}");
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(int.Parse(args[2], CultureInfo.InvariantCulture)), clock);
        var i = 0;
        while (await timer.WaitForNextTickAsync())
        {
            var snapshot = Tick(clock.GetUtcNow(), i++);
            if (writer.Append(snapshot))
            {
                Console.WriteLine($"appended {snapshot.Timestamp.ToUnixTimeMilliseconds()}");
            }
        }

        return 0;
    }

    private static Snapshot Tick(DateTimeOffset time, int i) => new()
    {
        Timestamp = time,
        Host = new HostInfo("crash", "Linux", "6.1", i, null, "cpu", 2),
        Cpu = new CpuSection(new CpuTimes(i % 10 / 100.0, 0, 0.01, 0, 0, 0, 0, 0.89 - (i % 10 / 100.0)), [], null, null, 1, 0),
        Memory = new MemorySection(1L << 33, 1L << 32, 1L << 32, 1L << 30, 1L << 20, 0, 0),
        Filesystems = [],
        Disks = [],
        Network = NetworkSection.Empty,
        Thermal = ThermalSection.Empty,
        Processes = [new ProcessSample(42, 1000, "worker", "aura", 'R', i % 100, 1L << 24, 0.2, 3)],
    };
}
