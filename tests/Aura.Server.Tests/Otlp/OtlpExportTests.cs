using System.Runtime.InteropServices;
using Aura.Core.Series;
using Aura.Server.Otlp;
using Aura.Server.Tests.Events;
using Aura.Server.Tests.Gpu;
using Aura.Server.Tests.Support;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace Aura.Server.Tests.Otlp;

/// <summary>
/// A real server exports to a receiver that decodes with the official OTLP definitions: names, units, attributes,
/// counters' temporality and start, and events as logs.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Export_HttpProtobuf_EverySeriesWithCatalogNamesUnitsAndResource()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var running = await RunningServer.StartAsync(
            o => o with { HostName = "alpha", Otlp = Options(receiver.Endpoint) },
            source: new FakeSource(TimeProvider.System, gpus: SampleGpus.Two));

        var request = await receiver.MetricsAsync();

        receiver.ContentTypes[0].ShouldBe("application/x-protobuf");
        var resource = request.ResourceMetrics.ShouldHaveSingleItem();
        var attributes = Attributes(resource.Resource.Attributes);
        attributes["service.name"].ShouldBe("aura");
        attributes["host.name"].ShouldBe("alpha", "the configured host name, not the kernel's");
        attributes["host.arch"].ShouldBe(RuntimeInformation.OSArchitecture == Architecture.X64 ? "amd64" : "arm64");
        attributes["os.type"].ShouldBe("linux");
        var scope = resource.ScopeMetrics.ShouldHaveSingleItem();
        scope.Scope.Name.ShouldBe("aura");
        var metrics = scope.Metrics.ToDictionary(m => m.Name);
        foreach (var metric in scope.Metrics)
        {
            var family = SeriesCatalog.Find(metric.Name);
            family.ShouldNotBeNull($"{metric.Name} is not a catalog name");
            metric.Description.ShouldBe(family.Help);
            metric.DataCase.ShouldBe(family.Kind == SeriesKind.Counter ? Metric.DataOneofCase.Sum : Metric.DataOneofCase.Gauge, metric.Name);
        }

        var memory = metrics["aura_memory_total_bytes"];
        memory.Unit.ShouldBe("By");
        memory.Gauge.DataPoints.ShouldHaveSingleItem().AsDouble.ShouldBe(FakeSource.TotalMemory);
        metrics["aura_cpu_usage_ratio"].Unit.ShouldBe("1");
        metrics["aura_temperature_celsius"].Unit.ShouldBe("Cel");
        metrics["aura_procs_running"].Unit.ShouldBe("{tasks}");

        var received = metrics["aura_network_receive_bytes_total"];
        received.Unit.ShouldBe("By");
        received.Sum.AggregationTemporality.ShouldBe(AggregationTemporality.Cumulative);
        received.Sum.IsMonotonic.ShouldBeTrue();
        var eth0 = received.Sum.DataPoints.Single(p => Attributes(p.Attributes)["interface"] == "eth0");
        var time = DateTimeOffset.UnixEpoch.AddTicks((long)(eth0.TimeUnixNano / 100));
        var start = DateTimeOffset.UnixEpoch.AddTicks((long)(eth0.StartTimeUnixNano / 100));
        (time - start).ShouldBe(TimeSpan.FromDays(1), "counters start at boot, which the fake source puts a day before each tick");
        eth0.AsDouble.ShouldBeGreaterThanOrEqualTo(5_000_000);

        var gpuMemory = metrics["aura_gpu_memory_used_bytes"].Gauge.DataPoints.Single(p => Attributes(p.Attributes)["gpu"] == "0");
        var gpu = Attributes(gpuMemory.Attributes);
        gpu["uuid"].ShouldBe(SampleGpus.Two[0].Uuid);
        gpu["name"].ShouldBe(SampleGpus.Two[0].Name);
        gpuMemory.AsDouble.ShouldBe(SampleGpus.Two[0].MemoryUsedBytes!.Value);
        metrics["aura_gpu_utilization_ratio"].Gauge.DataPoints
            .ShouldContain(p => Attributes(p.Attributes)["engine"] == "encoder" && Attributes(p.Attributes)["gpu"] == "0");
    }

    [Fact]
    public async Task Export_DurableEvent_ArrivesAsLogWithSeverityBodyAndData()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var server = await EventServer.StartAsync(o => o with { Otlp = Options(receiver.Endpoint) });

        var response = await server.PostAsync("/events", """
            {"source":"deploy","event_type":"release","level":"warn","message":"v2 rolled out",
             "timestamp":"2026-12-07T05:00:00Z","data":{"version":"2.0","replicas":3,"ok":true,"tags":["a","b"],"nested":{"ratio":0.5}}}
            """);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());

        var request = await receiver.LogsAsync(r => Records(r).Any(l => Attributes(l.Attributes).GetValueOrDefault("event_type") == "release"));
        var record = Records(request).Single(l => Attributes(l.Attributes).GetValueOrDefault("event_type") == "release");
        record.SeverityNumber.ShouldBe(SeverityNumber.Warn);
        record.SeverityText.ShouldBe("WARN");
        record.Body.StringValue.ShouldBe("v2 rolled out");
        record.EventName.ShouldBe("release");
        record.TimeUnixNano.ShouldBe((ulong)DateTimeOffset.Parse("2026-12-07T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000);
        Attributes(record.Attributes)["source"].ShouldBe("deploy");
        var data = record.Attributes.Single(a => a.Key == "data").Value.KvlistValue.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        data["version"].StringValue.ShouldBe("2.0");
        data["replicas"].IntValue.ShouldBe(3);
        data["ok"].BoolValue.ShouldBeTrue();
        data["tags"].ArrayValue.Values.Select(v => v.StringValue).ShouldBe(["a", "b"]);
        data["nested"].KvlistValue.Values.ShouldHaveSingleItem().Value.DoubleValue.ShouldBe(0.5);
        Attributes(request.ResourceLogs[0].Resource.Attributes)["service.name"].ShouldBe("aura");
    }

    [Fact]
    public async Task Export_Grpc_MetricsAndEventsDecode()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);
        await using var server = await EventServer.StartAsync(o => o with { Otlp = Options(receiver.Endpoint) with { Protocol = OtlpProtocol.Grpc } });

        var metrics = await receiver.MetricsAsync();
        (await server.PostAsync("/events", """{"source":"ci","event_type":"build","level":"error","message":"red"}""")).IsSuccessStatusCode.ShouldBeTrue();
        var logs = await receiver.LogsAsync(r => Records(r).Any(l => l.EventName == "build"));

        receiver.ContentTypes.ShouldAllBe(type => type == "application/grpc");
        metrics.ResourceMetrics[0].ScopeMetrics[0].Metrics.ShouldContain(m => m.Name == "aura_memory_total_bytes" && m.Gauge.DataPoints[0].AsDouble == FakeSource.TotalMemory);
        var record = Records(logs).Single(l => l.EventName == "build");
        record.SeverityNumber.ShouldBe(SeverityNumber.Error);
        record.Body.StringValue.ShouldBe("red");
    }

    [Fact]
    public async Task Export_CollectorRefusing_TicksGoOnAndDropsAreCountedEverywhere()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        receiver.Status = 503;
        await using var running = await RunningServer.StartAsync(o => o with
        {
            Otlp = Options(receiver.Endpoint) with { MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(10), QueueBatches = 1 },
        });

        await Eventually.TrueAsync(() => running.Server.Hub.Latest is { } && Counters(running).DroppedMetricExports >= 2, "metric exports are dropped after their last try");
        var ticks = running.Server.Hub.Ticks;
        await running.WaitForTickAsync(ticks + 3);

        var counters = Counters(running);
        counters.Retries.ShouldBeGreaterThan(0);
        counters.FailedRequests.ShouldBeGreaterThanOrEqualTo(counters.Retries);
        counters.MetricExports.ShouldBe(0);
        counters.LastError.ShouldBe("HTTP 503");
        var health = await Json.ReadAsync(await running.Http.GetAsync(new Uri("/api/health", UriKind.Relative)));
        var otlp = health.GetProperty("otlp");
        otlp.GetProperty("droppedMetricExports").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
        otlp.GetProperty("lastError").GetString().ShouldBe("HTTP 503");
        await running.WaitForTickAsync(running.Server.Hub.Ticks);
        var exposition = await running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        exposition.ShouldMatch(@"(?m)^aura_otlp_dropped_metric_exports_total [1-9]");
        exposition.ShouldMatch(@"(?m)^aura_otlp_failed_requests_total [1-9]");
    }

    [Fact]
    public async Task Export_CollectorTooSlow_TimesOutAndIngestDoesNotWait()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(30);
        await using var server = await EventServer.StartAsync(o => o with
        {
            Otlp = Options(receiver.Endpoint) with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 1 },
        });

        await Eventually.TrueAsync(() => Counters(server.Running).DroppedMetricExports >= 1, "an export that gets no answer is given up on", TimeSpan.FromSeconds(20));
        for (var i = 0; i < 5; i++)
        {
            (await server.PostAsync("/events", """{"source":"ci","event_type":"build","message":"still taken"}""")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        }

        await Eventually.TrueAsync(() => Counters(server.Running).DroppedLogRecords >= 5, "events whose export timed out are counted", TimeSpan.FromSeconds(20));
        Counters(server.Running).LastError.ShouldBe("no answer within 0.3 s");
        var ticks = server.Running.Server.Hub.Ticks;
        await server.Running.WaitForTickAsync(ticks + 2);
    }

    [Fact]
    public async Task Export_CollectorBackUp_ExportsResume()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        receiver.Status = 503;
        await using var running = await RunningServer.StartAsync(o => o with
        {
            Otlp = Options(receiver.Endpoint) with { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(100) },
        });
        await Eventually.TrueAsync(() => receiver.Requests >= 2, "the exporter retries a refusing collector");

        receiver.Status = 200;

        await receiver.MetricsAsync();
        await Eventually.TrueAsync(() => Counters(running).MetricExports > 0, "an accepted export is counted");
        Counters(running).LastError.ShouldBeNull();
    }

    internal static OtlpOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        MetricInterval = TimeSpan.FromMilliseconds(200),
        LogDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static OtlpCounters Counters(RunningServer running) =>
        running.Server.OtlpCounters ?? throw new ShouldAssertException("the server runs no OTLP exporter");

    private static IEnumerable<LogRecord> Records(OpenTelemetry.Proto.Collector.Logs.V1.ExportLogsServiceRequest request) =>
        request.ResourceLogs.SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords);

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => a.Value.StringValue);
}
