using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Metrics;

/// <summary>A real Prometheus server scrapes a real Aura, and the value read back through its query API is Aura's.</summary>
public sealed class PrometheusServerTests
{
    private const string Token = "prometheus-scrape-token-0123";

    [RequiresToolFact("prometheus")]
    public async Task Prometheus_ScrapesAuraWithBearerToken_QueryReturnsAurasValue()
    {
        var prometheus = Tools.Require("prometheus");
        await using var running = await RunningServer.StartAsync(o => o with { MetricsToken = Token, Keys = Keys.Set });
        var directory = Directory.CreateTempSubdirectory("aura-prometheus-");
        var port = FreePort.Next();
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: aura
                scrape_interval: 1s
                authorization:
                  type: Bearer
                  credentials: {Token}
                static_configs:
                  - targets: ['{running.Server.Address.Authority}']
            """);

        var info = new ProcessStartInfo(prometheus) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add($"--config.file={config}");
        info.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}");
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        info.ArgumentList.Add("--log.level=warn");
        using var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var value = await QueryUntilPresentAsync(port, "aura_memory_total_bytes", TimeSpan.FromSeconds(90), process, log);

            value.ShouldBe(FakeSource.TotalMemory);
            (await QueryUntilPresentAsync(port, "up{job=\"aura\"}", TimeSpan.FromSeconds(10), process, log)).ShouldBe(1);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<double> QueryUntilPresentAsync(int port, string query, TimeSpan timeout, Process process, System.Text.StringBuilder log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = new Uri($"http://127.0.0.1:{port}/api/v1/query?query={Uri.EscapeDataString(query)}");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            process.HasExited.ShouldBeFalse($"prometheus exited early:\n{log}");
            try
            {
                using var document = JsonDocument.Parse(await http.GetStringAsync(url));
                var result = document.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    return double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new ShouldAssertException($"Prometheus had no value for {query} after {timeout.TotalSeconds} s:\n{log}");
    }
}
