using System.Net;
using System.Text.Json;
using Aura.Core.Series;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Api;

public sealed class SnapshotEndpointsTests : IAsyncLifetime
{
    private RunningServer _running = null!;

    public async Task InitializeAsync() => _running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });

    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Fact]
    public async Task Series_ListsEveryCatalogFamilyWithUnitKindAndLabels()
    {
        var response = await Get("/api/v1/series");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var series = (await Json.ReadAsync(response)).EnumerateArray().ToList();
        series.Select(s => s.GetProperty("name").GetString()).ShouldBe(SeriesCatalog.All.Select(f => f.Name));
        var memory = series.Single(s => s.GetProperty("name").GetString() == "aura_memory_total_bytes");
        memory.GetProperty("unit").GetString().ShouldBe("bytes");
        memory.GetProperty("kind").GetString().ShouldBe("gauge");
        memory.GetProperty("precision").GetDouble().ShouldBe(1024);
        var coreMode = series.Single(s => s.GetProperty("name").GetString() == "aura_cpu_core_mode_ratio");
        coreMode.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["cpu", "mode"]);
        series.Single(s => s.GetProperty("name").GetString() == "aura_disk_read_bytes_total").GetProperty("kind").GetString().ShouldBe("counter");
    }

    [Fact]
    public async Task Snapshot_IsTheLatestTickInAurasOwnJson()
    {
        var snapshot = await Json.ReadAsync(await Get("/api/v1/snapshot"));

        snapshot.GetProperty("host").GetProperty("hostname").GetString().ShouldBe("testhost");
        snapshot.GetProperty("cpu").GetProperty("cores").GetArrayLength().ShouldBe(2);
        snapshot.GetProperty("processes")[0].GetProperty("name").GetString().ShouldBe("python3");
        snapshot.GetProperty("time").ValueKind.ShouldBe(JsonValueKind.String);
    }

    private async Task<HttpResponseMessage> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-API-Key", Keys.Read);
        return await _running.Http.SendAsync(request);
    }
}
