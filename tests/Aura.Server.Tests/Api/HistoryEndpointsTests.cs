using System.Globalization;
using System.Net;
using Aura.Server.History;
using Aura.Server.Hosting;
using Aura.Server.Tests.Support;
using Aura.Storage.Dvr;

namespace Aura.Server.Tests.Api;

/// <summary>The DVR read API over a real DVR file holding 120 known ticks, one a second from <see cref="_t0"/>.</summary>
public sealed class HistoryEndpointsTests : IAsyncLifetime, IDisposable
{
    private const int Ticks = 120;
    private const long GiB = 1024L * 1024 * 1024;
    private const long MiB = 1024L * 1024;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-history-");
    private readonly DateTimeOffset _t0 = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 3600);
    private CountingHistory _history = null!;
    private RunningServer _running = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_directory.FullName, "telemetry.sqlite");
        using (var writer = DvrWriter.Open(new DvrOptions { Path = path, BackgroundFlush = false }, TimeProvider.System))
        {
            for (var i = 1; i <= Ticks; i++)
            {
                writer.Append(FakeSource.Build(_t0.AddSeconds(i), i));
            }
        }

        _history = new CountingHistory(new DvrHistory(DvrReader.Open(path)));
        _running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, new DaemonParts { History = _history });
    }

    public async Task DisposeAsync() => await _running.DisposeAsync();

    /// <summary>Runs after <see cref="DisposeAsync"/>: the server is gone, so the file can go.</summary>
    public void Dispose()
    {
        _history.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Timeline_RecordedSeries_ReturnsPointsWithEnvelopes()
    {
        var response = await Get($"/api/timeline?series=aura_memory_used_bytes&from={Epoch(_t0)}&to={Epoch(_t0.AddSeconds(Ticks))}&points=20");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json.ReadAsync(response);
        Json.PropertyNames(body).ShouldBe(["series", "tier", "from", "to", "points"]);
        body.GetProperty("series").GetString().ShouldBe("aura_memory_used_bytes");
        body.GetProperty("tier").GetString().ShouldBe("raw");
        var points = body.GetProperty("points").EnumerateArray().ToList();
        points.Count.ShouldBe(20);
        Json.PropertyNames(points[0]).ShouldBe(["t", "avg", "min", "max"]);
        points[0].GetProperty("t").GetDouble().ShouldBe(_t0.AddSeconds(1).ToUnixTimeSeconds(), "the first sample is always kept");
        points[0].GetProperty("avg").GetDouble().ShouldBe((4 * GiB) + MiB);
        points[^1].GetProperty("t").GetDouble().ShouldBe(_t0.AddSeconds(Ticks).ToUnixTimeSeconds());
        points.Max(p => p.GetProperty("max").GetDouble()).ShouldBe((4 * GiB) + (Ticks * MiB));
    }

    [Fact]
    public async Task Timeline_LabelledSeriesAndIsoTimes_AreAccepted()
    {
        var series = Uri.EscapeDataString("aura_cpu_core_frequency_hertz{cpu=\"1\"}");
        var from = Uri.EscapeDataString(_t0.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(_t0.AddHours(1).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));

        var body = await Json.ReadAsync(await Get($"/api/timeline?series={series}&from={from}&to={to}"));

        body.GetProperty("points")[0].GetProperty("avg").GetDouble().ShouldBe(3.2e9);
        _history.LastPoints.ShouldBe(500, "the default when points is not given");
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
    [InlineData("/api/v1/processes?from=100&to=200&limit=0", "limit")]
    [InlineData("/api/v1/processes?from=100&to=200&limit=5000", "limit")]
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
        var series = Uri.EscapeDataString("aura_cpu_core_usage_ratio{cpu=\"63\"}");

        var response = await Get($"/api/timeline?series={series}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("series");
    }

    [Fact]
    public async Task Timeline_SeriesNeverRecordedWithMissingEmpty_IsAnEmptyWindow()
    {
        var series = Uri.EscapeDataString("aura_cpu_core_usage_ratio{cpu=\"63\"}");

        var response = await Get($"/api/timeline?series={series}&missing=empty");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json.ReadAsync(response);
        body.GetProperty("points").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Timeline_UnknownMissingMode_Is400NamingIt()
    {
        var response = await Get("/api/timeline?series=aura_cpu_usage_ratio&missing=zero");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("missing");
    }

    [Fact]
    public async Task ProcessesAt_ReturnsTheTopKOfThatTick()
    {
        var body = await Json.ReadAsync(await Get($"/api/v1/processes?at={Epoch(_t0.AddSeconds(30.5))}"));

        body.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(_t0.AddSeconds(30));
        var top = body.GetProperty("processes")[0];
        top.GetProperty("name").GetString().ShouldBe("python3");
        top.GetProperty("pid").GetInt32().ShouldBe(1000);
        top.GetProperty("start_time_ticks").GetInt64().ShouldBe(5000);
    }

    [Fact]
    public async Task ProcessesAt_BeforeAnyRecording_Is404()
    {
        var response = await Get($"/api/v1/processes?at={Epoch(_t0.AddDays(-1))}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("at");
    }

    [Fact]
    public async Task ValuesAt_ReturnsEverySeriesOfTheTickAtOrBefore()
    {
        var body = await Json.ReadAsync(await Get($"/api/v1/values?at={Epoch(_t0.AddSeconds(50.5))}"));

        body.GetProperty("time").GetDouble().ShouldBe(_t0.AddSeconds(50).ToUnixTimeSeconds());
        var values = body.GetProperty("values");
        values.GetProperty("aura_memory_used_bytes").GetDouble().ShouldBe((4 * GiB) + (50 * MiB));
        Json.PropertyNames(values).Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task ValuesAt_LongBeforeAnyRecording_Is404()
    {
        var response = await Get($"/api/v1/values?at={Epoch(_t0.AddDays(-1))}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("at");
    }

    [Theory]
    [InlineData("/api/v1/values")]
    [InlineData("/api/v1/values?at=yesterday")]
    public async Task ValuesAt_MissingOrBadTime_Is400NamingAt(string path)
    {
        var response = await Get(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json.ReadAsync(response)).GetProperty("field").GetString().ShouldBe("at");
    }

    [Fact]
    public async Task ProcessesBetween_RanksByCpuTime()
    {
        var body = await Json.ReadAsync(await Get($"/api/v1/processes?from={Epoch(_t0)}&to={Epoch(_t0.AddSeconds(Ticks))}&limit=2"));

        body.GetProperty("from").GetDouble().ShouldBe(_t0.ToUnixTimeSeconds());
        var processes = body.GetProperty("processes");
        processes.GetArrayLength().ShouldBe(2);
        processes[0].GetProperty("name").GetString().ShouldBe("python3");
        processes[0].GetProperty("max_cpu_percent").GetDouble().ShouldBe(50);
        processes[0].GetProperty("ticks").GetInt32().ShouldBe(Ticks);
    }

    [Fact]
    public async Task DbStats_ReportsTheFile()
    {
        var body = await Json.ReadAsync(await Get("/api/v1/db/stats"));

        body.GetProperty("samples").GetInt64().ShouldBeGreaterThan(Ticks * 10);
        body.GetProperty("series").GetInt32().ShouldBeGreaterThan(10);
        body.GetProperty("tiers")[0].GetProperty("tier").GetString().ShouldBe("raw");
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

    private static string Epoch(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-API-Key", Keys.Read);
        return await _running.Http.SendAsync(request);
    }

    /// <summary>The real DVR history, counting the calls that reach it.</summary>
    private sealed class CountingHistory(DvrHistory inner) : IHistory, IDisposable
    {
        private int _calls;

        public int Calls => _calls;

        public int LastPoints { get; private set; }

        public ValueTask<TimelineResult?> TimelineAsync(string series, DateTimeOffset since, DateTimeOffset until, int points, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            LastPoints = points;
            return inner.TimelineAsync(series, since, until, points, cancellationToken);
        }

        public ValueTask<DvrProcessTick?> ProcessesAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.ProcessesAtAsync(at, cancellationToken);
        }

        public ValueTask<DvrTick?> ValuesAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.ValuesAtAsync(at, cancellationToken);
        }

        public ValueTask<IReadOnlyList<DvrProcessUsage>> TopProcessesAsync(DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.TopProcessesAsync(since, until, limit, cancellationToken);
        }

        public ValueTask<DvrStats> StatsAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.StatsAsync(cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }
}
