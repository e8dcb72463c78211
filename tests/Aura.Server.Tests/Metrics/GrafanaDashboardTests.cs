using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aura.Core.Model;
using Aura.Server.Tests.Controls;
using Aura.Server.Tests.Gpu;
using Aura.Server.Tests.Otlp;
using Aura.Server.Tests.Support;
using Aura.Telemetry;

namespace Aura.Server.Tests.Metrics;

/// <summary>
/// The Grafana dashboard in deploy/grafana: promtool accepts every panel's query, and each one returns series from a
/// real Prometheus scraping an Aura whose exposition has every family (GPUs, a Jetson, the OTLP exporter).
/// </summary>
public sealed partial class GrafanaDashboardTests
{
    [RequiresToolFact("promtool")]
    public async Task Dashboard_EveryQuery_PromtoolAccepts()
    {
        var queries = Queries();
        var directory = Directory.CreateTempSubdirectory("aura-dashboard-");
        try
        {
            var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
            for (var i = 0; i < queries.Count; i++)
            {
                rules.Append("      - record: dashboard:panel_").Append(i).Append('\n')
                    .Append("        expr: ").Append(JsonSerializer.Serialize(queries[i])).Append('\n');
            }

            var path = Path.Combine(directory.FullName, "dashboard-rules.yml");
            await File.WriteAllTextAsync(path, rules.ToString());
            var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(Tools.Require("promtool"), ["check", "rules", path]);

            exitCode.ShouldBe(0, $"promtool rejected a dashboard query:\n{stdout}{stderr}");
            stdout.ShouldContain($"{queries.Count} rules found");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [RequiresToolFact("prometheus")]
    public async Task Dashboard_EveryQuery_ReturnsSeriesFromARealScrape()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var source = new EverythingSource();
        await using var running = await RunningServer.StartAsync(
            o => o with { Interval = TimeSpan.FromMilliseconds(250), HostName = "alpha", Otlp = OtlpExportTests.Options(receiver.Endpoint) }, custom: source);
        await using var prometheus = await PrometheusProcess.StartAsync($"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: aura
                static_configs:
                  - targets: ['{running.Server.Address.Authority}']
            """);

        foreach (var query in Queries())
        {
            var series = await prometheus.QueryUntilAsync(query, 1, TimeSpan.FromSeconds(90));
            series.ShouldAllBe(s => s.GetProperty("metric").GetProperty("host").GetString() == "alpha", query);
        }
    }

    /// <summary>Each panel's query with Grafana's variables as a user would have them: every host, a one-minute rate window.</summary>
    private static List<string> Queries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "grafana", "aura-fleet.json")));
        var queries = new List<string>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                queries.Add(target.GetProperty("expr").GetString()!.Replace("$__rate_interval", "1m", StringComparison.Ordinal).Replace("$host", ".*", StringComparison.Ordinal));
            }
        }

        queries.Count.ShouldBeGreaterThan(10);
        queries.ShouldAllBe(q => !Variable().IsMatch(q), "every Grafana variable the dashboard uses is substituted");
        return queries;
    }

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex Variable();

    /// <summary>The fake host with two GPUs and a Jetson section, so every family the dashboard charts is exposed.</summary>
    private sealed class EverythingSource : ISnapshotSource
    {
        private readonly JetsonSection _jetson = new JetsonSource().Section;
        private int _samples;

        public Snapshot Sample() =>
            FakeSource.Build(TimeProvider.System.GetUtcNow(), Interlocked.Increment(ref _samples)) with { Jetson = _jetson, Gpus = SampleGpus.Two };

        public void Dispose()
        {
            // Nothing held.
        }
    }
}
