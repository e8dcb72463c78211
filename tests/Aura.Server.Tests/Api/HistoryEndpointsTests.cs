using System.Net;
using Aura.Server.History;
using Aura.Server.Hosting;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Api;

public sealed class HistoryEndpointsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeHistory _history = new();
    private RunningServer _running = null!;

    public async Task InitializeAsync() =>
        _running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, new ServerServices { History = _history });

    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Fact]
    public async Task Timeline_ValidQuery_ReturnsSeriesAndPoints()
    {
        var response = await Get("/api/timeline?series=aura_cpu_usage_ratio&from=1795255200&to=1795258800&points=3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json.ReadAsync(response);
        Json.PropertyNames(body).ShouldBe(["series", "from", "to", "points"]);
        body.GetProperty("series").GetString().ShouldBe("aura_cpu_usage_ratio");
        var points = body.GetProperty("points");
        points.GetArrayLength().ShouldBe(3);
        Json.PropertyNames(points[0]).ShouldBe(["t", "avg", "min", "max"]);
        points[0].GetProperty("t").GetDouble().ShouldBe(T0.ToUnixTimeSeconds());
        points[1].GetProperty("max").GetDouble().ShouldBe(0.9);
        _history.LastTimeline.ShouldBe(("aura_cpu_usage_ratio", DateTimeOffset.FromUnixTimeSeconds(1795255200), DateTimeOffset.FromUnixTimeSeconds(1795258800), 3));
    }

    [Fact]
    public async Task Timeline_IsoTimesAndLabelledSeries_AreAccepted()
    {
        var series = Uri.EscapeDataString("aura_cpu_core_usage_ratio{cpu=\"1\"}");

        var response = await Get($"/api/timeline?series={series}&from=2026-11-21T10:00:00Z&to=2026-11-21T11:00:00%2B01:00");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _history.LastTimeline!.Value.Series.ShouldBe("aura_cpu_core_usage_ratio{cpu=\"1\"}");
        _history.LastTimeline!.Value.Points.ShouldBe(500, "the default when points is not given");
    }

    [Theory]
    [InlineData("/api/timeline", "series")]
    [InlineData("/api/timeline?series=", "series")]
    [InlineData("/api/timeline?series=no_such_metric", "series")]
    [InlineData("/api/timeline?series=aura_cpu_core_usage_ratio{cpu=\"1\"", "series")]
    [InlineData("/api/timeline?series=aura_cpu_usage_ratio&points=1", "points")]
    [InlineData("/api/timeline?series=aura_cpu_usage_ratio&points=10001", "points")]
    [InlineData("/api/timeline?series=aura_cpu_usage_ratio&points=ten", "points")]
    [InlineData("/api/timeline?series=aura_cpu_usage_ratio&from=yesterday", "from")]
    [InlineData("/api/timeline?series=aura_cpu_usage_ratio&to=2026-11-21T10:00:00", "to")]
    [InlineData("/api/timeline?series=aura_cpu_usage_ratio&from=200&to=100", "from")]
    [InlineData("/api/v1/processes", "at")]
    [InlineData("/api/v1/processes?at=100&from=1&to=2", "at")]
    [InlineData("/api/v1/processes?at=soon", "at")]
    [InlineData("/api/v1/processes?from=100", "to")]
    [InlineData("/api/v1/processes?from=300&to=200", "from")]
    public async Task BadParameter_Is400NamingTheField(string path, string field)
    {
        var response = await Get(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json.ReadAsync(response);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        _history.Calls.ShouldBe(0, "a bad request never reaches the store");
    }

    [Fact]
    public async Task Timeline_SeriesNeverRecorded_Is404()
    {
        var response = await Get("/api/timeline?series=aura_swap_used_ratio");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("series");
    }

    [Fact]
    public async Task ProcessesAt_ReturnsTheRecordedTopK()
    {
        var body = await Json.ReadAsync(await Get("/api/v1/processes?at=1795255230"));

        body.GetProperty("time").GetDateTimeOffset().ShouldBe(T0);
        body.GetProperty("processes")[0].GetProperty("name").GetString().ShouldBe("python3");
        body.GetProperty("processes")[0].GetProperty("start_time_ticks").GetInt64().ShouldBe(5000);
    }

    [Fact]
    public async Task ProcessesBetween_ReturnsActivityInTheWindow()
    {
        var body = await Json.ReadAsync(await Get("/api/v1/processes?from=1795255200&to=1795258800"));

        body.GetProperty("from").GetDouble().ShouldBe(1795255200);
        var first = body.GetProperty("processes")[0];
        first.GetProperty("pid").GetInt32().ShouldBe(1000);
        first.GetProperty("cpu_percent_max").GetDouble().ShouldBe(97.5);
    }

    [Fact]
    public async Task DbStats_ReturnsTheStoresFigures()
    {
        var body = await Json.ReadAsync(await Get("/api/v1/db/stats"));

        body.GetProperty("size_bytes").GetInt64().ShouldBe(123_456);
        body.GetProperty("series_count").GetInt64().ShouldBe(42);
    }

    [Fact]
    public async Task HistoryEndpoints_NeedAKey()
    {
        var response = await _running.Http.GetAsync(new Uri("/api/v1/db/stats", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HistoryEndpoints_WithoutADvr_Are503()
    {
        await using var bare = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/db/stats", UriKind.Relative));
        request.Headers.Add("X-API-Key", Keys.Read);

        var response = await bare.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe("no_history");
    }

    private async Task<HttpResponseMessage> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-API-Key", Keys.Read);
        return await _running.Http.SendAsync(request);
    }

    private sealed class FakeHistory : IHistory
    {
        private int _calls;

        public int Calls => _calls;

        public (string Series, DateTimeOffset From, DateTimeOffset To, int Points)? LastTimeline { get; private set; }

        public ValueTask<IReadOnlyList<TimelinePoint>?> TimelineAsync(string series, DateTimeOffset since, DateTimeOffset until, int points, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            LastTimeline = (series, since, until, points);
            IReadOnlyList<TimelinePoint>? result = series == "aura_swap_used_ratio"
                ? null
                : [new(T0, 0.5, 0.1, 0.8), new(T0.AddMinutes(20), 0.6, 0.2, 0.9), new(T0.AddMinutes(40), 0.4, 0.3, 0.5)];
            return ValueTask.FromResult(result);
        }

        public ValueTask<ProcessesAt?> ProcessesAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult<ProcessesAt?>(new ProcessesAt(T0, FakeSource.Build(T0, 1).Processes));
        }

        public ValueTask<IReadOnlyList<ProcessActivity>> ProcessesBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            IReadOnlyList<ProcessActivity> result = [new ProcessActivity(1000, 5000, "python3", "alice", since, until, 3600, 97.5, 50.1, 200L << 20)];
            return ValueTask.FromResult(result);
        }

        public ValueTask<DbStats> StatsAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(new DbStats("/tmp/telemetry.sqlite", 123_456, 42, 1_000_000, T0, T0.AddHours(1), 86_400));
        }
    }
}
