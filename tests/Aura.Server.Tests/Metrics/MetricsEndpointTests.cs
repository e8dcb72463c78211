using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Aura.Core.Series;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_OnLoopbackWithoutToken_IsPrometheusText()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await running.Http.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Value(lines, "aura_memory_total_bytes").ShouldBe(FakeSource.TotalMemory);
        Value(lines, "aura_cpu_usage_ratio").ShouldBe(0.25, 1e-12);
        Value(lines, "aura_cpu_core_frequency_hertz{cpu=\"1\"}").ShouldBe(3.2e9);
        Value(lines, "aura_build_info{version=\"" + Aura.Server.Hosting.ServerVersion.Current + "\"}").ShouldBe(1);
        Value(lines, "aura_sampler_ticks_total").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Metrics_EveryFamily_HasHelpAndTypeOnceWithItsSamplesTogether()
    {
        await using var running = await RunningServer.StartAsync();

        var lines = (await running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).TrimEnd('\n').Split('\n');

        var typed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                typed.Add(parts[2]).ShouldBeTrue($"TYPE {parts[2]} appears once");
                if (parts[3] == "counter")
                {
                    parts[2].ShouldEndWith("_total");
                }

                current = parts[2];
                continue;
            }

            var name = line[..line.IndexOfAny(['{', ' '])];
            name.ShouldBe(current, $"'{line}' sits under its own family's TYPE line");
        }

        typed.ShouldContain("aura_uptime_seconds_total", "a counter without _total in the catalog is exposed with it");
        typed.ShouldContain("aura_network_receive_bytes_total");
    }

    [Fact]
    public async Task Metrics_LabelValues_AreEscaped()
    {
        var source = new FakeSource(TimeProvider.System, sensorId: "odd\"sensor\\with\nnewline");
        await using var running = await RunningServer.StartAsync(source: source);

        var body = await running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        body.ShouldContain("aura_temperature_celsius{sensor=\"odd\\\"sensor\\\\with\\nnewline\"} 55.5\n");
    }

    [Fact]
    public async Task Metrics_WithToken_NeedsBearerOrReadKey()
    {
        const string token = "metrics-token-0123456789";
        await using var running = await RunningServer.StartAsync(o => o with { MetricsToken = token, Keys = Keys.Set });
        var metrics = new Uri("/metrics", UriKind.Relative);

        (await running.Http.GetAsync(metrics)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(running, metrics, new AuthenticationHeaderValue("Bearer", token))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(running, metrics, new AuthenticationHeaderValue("Bearer", Keys.Read))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var wrong = await Send(running, metrics, new AuthenticationHeaderValue("Bearer", "wrong-token-0123456789"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json.ReadAsync(wrong)).GetProperty("code").GetString().ShouldBe("invalid_api_key");
    }

    [Fact]
    public async Task Metrics_ConcurrentScrapersOfOneTick_GetIdenticalBodies()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Interval = TimeSpan.FromSeconds(30) });

        var bodies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative))));

        bodies.Distinct().Count().ShouldBe(1);
    }

    [RequiresToolFact("promtool")]
    public async Task Metrics_PassesPromtoolCheckMetrics()
    {
        var promtool = Tools.Require("promtool");
        await using var running = await RunningServer.StartAsync();
        var body = await running.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(promtool, ["check", "metrics"], stdin: body);

        exitCode.ShouldBe(0, $"promtool found problems:\n{stdout}{stderr}");
        (stdout + stderr).Trim().ShouldBeEmpty();
    }

    [Fact]
    public void ExposedName_CounterWithoutTotal_GetsTotal()
    {
        Aura.Server.Metrics.MetricsRenderer.ExposedName(SeriesCatalog.Uptime).ShouldBe("aura_uptime_seconds_total");
        Aura.Server.Metrics.MetricsRenderer.ExposedName(SeriesCatalog.NetSentBytes).ShouldBe("aura_network_transmit_bytes_total");
        Aura.Server.Metrics.MetricsRenderer.ExposedName(SeriesCatalog.MemoryUsed).ShouldBe("aura_memory_used_bytes");
    }

    private static async Task<HttpResponseMessage> Send(RunningServer running, Uri path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await running.Http.SendAsync(request);
    }

    private static double Value(string[] lines, string series)
    {
        var line = lines.SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        line.ShouldNotBeNull($"no sample for {series}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
