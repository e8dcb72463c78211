using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Metrics;

/// <summary>
/// A fleet as docs/fleet.md sets it up: two real `aura serve` processes with different host names, a real Prometheus
/// scraping both, and a second Prometheus federating from the first (<c>/federate</c>, <c>match[]</c>, <c>honor_labels</c>).
/// </summary>
public sealed class PrometheusFleetTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [RequiresToolFact("prometheus")]
    public async Task Fleet_TwoHostsScrapedAndFederated_SeriesArriveWithTheirHostLabels()
    {
        var home = Directory.CreateTempSubdirectory("aura-fleet-");
        try
        {
            await using var alpha = await StartAuraAsync(home, "alpha");
            await using var beta = await StartAuraAsync(home, "beta");
            await using var scraper = await PrometheusProcess.StartAsync($"""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: aura
                    static_configs:
                      - targets: ['{alpha.Address}', '{beta.Address}']
                """);
            await using var global = await PrometheusProcess.StartAsync($$"""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: federate
                    honor_labels: true
                    metrics_path: /federate
                    params:
                      'match[]': ['{job="aura"}']
                    static_configs:
                      - targets: ['{{scraper.Address}}']
                """);

            var up = await scraper.QueryUntilAsync("up{job=\"aura\"} == 1", 2, Wait);
            Labels(up, "instance").ShouldBe([alpha.Address, beta.Address], ignoreOrder: true);

            var hosts = await global.QueryUntilAsync("aura_host_info", 2, Wait);
            hosts.Length.ShouldBe(2);
            hosts.ShouldAllBe(h => h.GetProperty("metric").GetProperty("job").GetString() == "aura", "honor_labels keeps the original job, not 'federate'");
            var byInstance = hosts.ToDictionary(h => h.GetProperty("metric").GetProperty("instance").GetString()!, h => h.GetProperty("metric").GetProperty("host").GetString());
            byInstance[alpha.Address].ShouldBe("alpha");
            byInstance[beta.Address].ShouldBe("beta");

            var memory = await global.QueryUntilAsync("aura_memory_total_bytes * on(instance) group_left(host) aura_host_info", 2, Wait);
            Labels(memory, "host").ShouldBe(["alpha", "beta"], ignoreOrder: true);
            memory.ShouldAllBe(m => double.Parse(m.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
            var cores = await global.QueryUntilAsync("count by (instance) (aura_cpu_core_usage_ratio)", 2, Wait);
            cores.Length.ShouldBe(2, "per-core series of both hosts reach the global Prometheus");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static string[] Labels(JsonElement[] series, string label) =>
        [.. series.Select(s => s.GetProperty("metric").GetProperty(label).GetString()!)];

    private static async Task<FleetHost> StartAuraAsync(DirectoryInfo root, string name)
    {
        var home = root.CreateSubdirectory(name).FullName;
        var process = AuraProcess.Start(home, ["serve", "--port", "0", "--interval", "0.5"], new Dictionary<string, string?> { ["AURA_HOST_NAME"] = name });
        var line = (await process.WaitReadyAsync()).Http;
        var address = line.Authority;
        return new FleetHost(process, address);
    }

    private sealed record FleetHost(AuraProcess Process, string Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
