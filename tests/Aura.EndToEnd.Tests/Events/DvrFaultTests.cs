using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Aura.EndToEnd.Tests.Events;

/// <summary>A real `aura serve` whose DVR stops accepting writes: the failure must show in health and in the event log.</summary>
public sealed class DvrFaultTests : IDisposable
{
    private const string Key = "dvr-fault-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-dvr-fault-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Health_DvrFlushFails_IsDegradedWithTheReasonAndCount_AndRecordsDvrError()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        var dvr = Path.Combine(_home.FullName, "t.sqlite");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n\n[persistence]\nflush_seconds = 0.2\n");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--config", config, "--db-path", dvr, "--socket", Path.Combine(_home.FullName, "s.sock")]);
        var listening = (await serve.WaitReadyAsync()).Http;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{listening.Port.ToString(CultureInfo.InvariantCulture)}") };
        await Eventually.TrueAsync(async () => (await HealthAsync(http)).GetProperty("status").GetString() == "healthy", "the daemon starts healthy", TimeSpan.FromSeconds(30));

        // Damage the DVR under the running writer: the table every flush writes recorded ticks into goes away.
        using (var connection = new SqliteConnection($"Data Source={dvr};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE head";
            drop.ExecuteNonQuery();
        }

        JsonElement health = default;
        await Eventually.TrueAsync(async () => (health = await HealthAsync(http)).GetProperty("status").GetString() == "degraded",
            "a failed DVR flush degrades health", TimeSpan.FromSeconds(30));
        health.GetProperty("reason").GetString()!.ShouldContain($"DVR {dvr}: writing failed");
        health.GetProperty("reason").GetString()!.ShouldContain("head");
        health.GetProperty("storageErrors").GetInt64().ShouldBeGreaterThanOrEqualTo(1);

        JsonElement? recorded = null;
        await Eventually.TrueAsync(async () => (recorded = await DvrErrorAsync(http)) is not null, "a dvr.error event is recorded", TimeSpan.FromSeconds(30));
        recorded!.Value.GetProperty("source").GetString().ShouldBe("aura");
        recorded.Value.GetProperty("level").GetString().ShouldBe("error");
        recorded.Value.GetProperty("data").GetProperty("path").GetString().ShouldBe(dvr);
        recorded.Value.GetProperty("data").GetProperty("error").GetString()!.ShouldContain("head");
    }

    private static async Task<JsonElement> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        return await Json.ReadAsync(response);
    }

    private static async Task<JsonElement?> DvrErrorAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/events?limit=100", UriKind.Relative));
        request.Headers.Add("X-API-Key", Key);
        using var response = await http.SendAsync(request);
        var body = await Json.ReadAsync(response);
        foreach (var e in body.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("event_type").GetString() == "dvr.error")
            {
                return e;
            }
        }

        return null;
    }
}
