using System.Net;
using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.ClaraVerse;

/// <summary>ClaraVerse widgets read these field names; they must match its Go structs exactly.</summary>
public sealed class ClaraEndpointsTests : IAsyncLifetime
{
    private RunningServer _running = null!;

    public async Task InitializeAsync() => _running = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Fact]
    public async Task Stats_OnLoopbackWithoutKey_HasClaraVerseFieldsInOrder()
    {
        var response = await _running.Http.GetAsync(new Uri("/api/stats", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var stats = await Json.ReadAsync(response);
        Json.PropertyNames(stats).ShouldBe(["cpu", "memory", "disk", "network", "gpu", "processes", "uptime", "timestamp"]);
        Json.PropertyNames(stats.GetProperty("cpu")).ShouldBe(["usage", "cores", "frequency", "temperature"]);
        Json.PropertyNames(stats.GetProperty("memory")).ShouldBe(["total", "available", "used", "usedPercent", "swap"]);
        Json.PropertyNames(stats.GetProperty("memory").GetProperty("swap")).ShouldBe(["total", "used", "usedPercent"]);
        Json.PropertyNames(stats.GetProperty("disk")[0]).ShouldBe(["device", "mountpoint", "fstype", "total", "free", "used", "usedPercent"]);
        Json.PropertyNames(stats.GetProperty("network")).ShouldBe(["bytesSent", "bytesRecv", "packetsSent", "packetsRecv"]);
        Json.PropertyNames(stats.GetProperty("processes")[0]).ShouldBe(["pid", "name", "cpu", "memory", "status"]);
        stats.GetProperty("gpu").GetArrayLength().ShouldBe(0, "no GPU source: an empty list, never a made-up GPU");
    }

    [Fact]
    public async Task Stats_Values_AreTheSnapshotsInClaraVerseUnits()
    {
        var stats = await Json.ReadAsync(await _running.Http.GetAsync(new Uri("/api/stats", UriKind.Relative)));

        var cpu = stats.GetProperty("cpu");
        cpu.GetProperty("usage").GetDouble().ShouldBe(25.0, 1e-9, "busy share 0.25 as a percentage");
        cpu.GetProperty("cores").GetInt32().ShouldBe(2);
        cpu.GetProperty("frequency").GetDouble().ShouldBe(3100, "the mean of the online cores' MHz");
        cpu.GetProperty("temperature").GetDouble().ShouldBe(55.5);
        var memory = stats.GetProperty("memory");
        memory.GetProperty("total").GetInt64().ShouldBe(FakeSource.TotalMemory);
        (memory.GetProperty("used").GetInt64() + memory.GetProperty("available").GetInt64()).ShouldBe(FakeSource.TotalMemory);
        memory.GetProperty("swap").GetProperty("usedPercent").GetDouble().ShouldBe(25.0);
        var disk = stats.GetProperty("disk")[0];
        disk.GetProperty("mountpoint").GetString().ShouldBe("/");
        disk.GetProperty("free").GetInt64().ShouldBe(35L << 30, "like gopsutil: what an unprivileged user may still write");
        disk.GetProperty("usedPercent").GetDouble().ShouldBe(100.0 * 60 / 95, 1e-9);
        stats.GetProperty("network").GetProperty("bytesSent").GetInt64().ShouldBe(3_000_000, "cumulative totals, as ClaraVerse reported");
        var top = stats.GetProperty("processes")[0];
        top.GetProperty("name").GetString().ShouldBe("python3");
        top.GetProperty("status").GetString().ShouldBe("R");
        stats.GetProperty("uptime").GetInt64().ShouldBeGreaterThan(86_400);
        stats.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(_running.Server.Hub.Latest!.Snapshot.Timestamp, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("/api/stats/cpu", JsonValueKind.Object, "usage")]
    [InlineData("/api/stats/memory", JsonValueKind.Object, "usedPercent")]
    [InlineData("/api/stats/gpu", JsonValueKind.Array, null)]
    [InlineData("/api/stats/disk", JsonValueKind.Array, "mountpoint")]
    [InlineData("/api/stats/network", JsonValueKind.Object, "bytesRecv")]
    [InlineData("/api/stats/processes", JsonValueKind.Array, "pid")]
    public async Task Section_OnLoopbackWithoutKey_IsThatPartOfStats(string path, JsonValueKind kind, string? field)
    {
        var response = await _running.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json.ReadAsync(response);
        body.ValueKind.ShouldBe(kind);
        if (field is not null)
        {
            var item = kind == JsonValueKind.Array ? body[0] : body;
            item.TryGetProperty(field, out _).ShouldBeTrue($"{path} has '{field}'");
        }
    }

    [Fact]
    public async Task Health_ReportsStatusServiceTicksAndClients()
    {
        await _running.WaitForTickAsync(2);

        var health = await Json.ReadAsync(await _running.Http.GetAsync(new Uri("/api/health", UriKind.Relative)));

        health.GetProperty("status").GetString().ShouldBe("healthy");
        health.GetProperty("service").GetString().ShouldBe("aura");
        health.GetProperty("ticks").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
        health.GetProperty("activeConnections").GetInt32().ShouldBe(0);
        health.GetProperty("uptime").GetDouble().ShouldBeGreaterThan(0);
        health.GetProperty("interval").GetDouble().ShouldBe(0.1);
        health.TryGetProperty("timestamp", out _).ShouldBeTrue();
        health.TryGetProperty("version", out _).ShouldBeTrue();
    }
}
