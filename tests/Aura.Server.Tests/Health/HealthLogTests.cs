using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Health;

public sealed class HealthLogTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-health-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task HealthLog_AppendsOneJsonLinePerInterval()
    {
        var path = Path.Combine(_directory.FullName, "health.jsonl");
        await File.WriteAllTextAsync(path, "{\"earlier\":true}\n");
        await using (var running = await RunningServer.StartAsync(o => o with { HealthLogPath = path, HealthLogInterval = TimeSpan.FromMilliseconds(100) }))
        {
            await Eventually.TrueAsync(() => ReadLines(path).Length >= 4, "three health lines after the existing one");
        }

        var lines = ReadLines(path);
        lines[0].ShouldBe("{\"earlier\":true}", "the log is appended to, never truncated");
        var entry = Json.Parse(lines[1]);
        foreach (var field in new[] { "uptime_secs", "total_requests", "errors", "connected_clients", "stats_collected", "status", "timestamp" })
        {
            entry.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        Json.Parse(lines[^1]).GetProperty("stats_collected").GetInt64().ShouldBeGreaterThan(entry.GetProperty("stats_collected").GetInt64());
    }

    private static string[] ReadLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
