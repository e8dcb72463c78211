using System.Diagnostics;
using System.Globalization;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Dvr;

/// <summary>
/// Kills a writer process with SIGKILL mid-stream and checks the promise: the file opens cleanly and holds every
/// tick up to the last flush the writer reported, so at most one flush interval is lost.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int FlushMs = 1000;
    private const int TickMs = 50;

    // Scheduling on a loaded 2-core machine: the flush itself (an fsync) and reading the child's output take time.
    private const int SlackMs = 750;

    private readonly TempDvr _dvr = new();

    public void Dispose() => _dvr.Dispose();

    [Theory]
    [InlineData(1300)]
    [InlineData(2150)]
    [InlineData(3600)]
    public async Task SigKill_WhileWriting_LosesAtMostOneFlushInterval(int killAfterMs)
    {
        var (appended, flushed) = await RunAndKill(killAfterMs);
        flushed.ShouldNotBeEmpty("the writer flushed before it was killed");

        using (var connection = new SqliteConnection($"Data Source={_dvr.Path};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            check.ExecuteScalar().ShouldBe("ok");
        }

        var stored = ReadTimes();
        var lastFlush = flushed.Max();
        appended.Where(t => t <= lastFlush).ShouldBeSubsetOf(stored, "every tick up to the last reported flush is on disk");
        stored.ShouldBeSubsetOf(appended, "nothing was stored that was not appended");
        (appended.Max() - stored.Max()).ShouldBeLessThanOrEqualTo(FlushMs + SlackMs, "at most one flush interval of ticks was lost");

        using (DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, TimeProvider.System))
        {
        }

        ReadTimes().ShouldBe(stored, "a new writer seals what the killed one left, losing nothing more");
    }

    private List<long> ReadTimes()
    {
        using var reader = DvrReader.Open(_dvr.Path);
        return reader.Range(null, null, includeValues: false).Select(t => t.Timestamp.ToUnixTimeMilliseconds()).ToList();
    }

    private async Task<(List<long> Appended, List<long> Flushed)> RunAndKill(int killAfterMs)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(CrashWriterPath());
        start.ArgumentList.Add(_dvr.Path);
        start.ArgumentList.Add(FlushMs.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(TickMs.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var appended = new List<long>();
        var flushed = new List<long>();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ');
                var list = parts[0] == "flushed" ? flushed : appended;
                lock (list)
                {
                    list.Add(long.Parse(parts[1], CultureInfo.InvariantCulture));
                }
            }
        });

        // Wait for the first append so process start-up does not count, then let it run and kill it without warning.
        var deadline = TimeProvider.System.GetTimestamp();
        while (Count(appended) == 0 && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        await Task.Delay(killAfterMs);
        process.Kill();
        await process.WaitForExitAsync();
        await reading;
        return (appended, flushed);
    }

    private static int Count(List<long> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The helper's build output, beside this test project's: same configuration and framework.</summary>
    private static string CrashWriterPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Aura.Storage.CrashWriter", "bin", configuration, framework, "Aura.Storage.CrashWriter.dll");
        File.Exists(path).ShouldBeTrue($"the crash writer is built by the test project's reference: {path}");
        return path;
    }
}
