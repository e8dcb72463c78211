using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Aura.Cockpit.Tests.Support;

namespace Aura.Cockpit.Tests;

/// <summary>
/// The page's one view of the server (web/src/contract.js, built by web/src/model.js) checked against the real
/// `aura serve`: its snapshot, ClaraVerse's /api/stats, and the DVR's values and processes at a recorded tick are run
/// through model.js by node, and the figures that come out must be the server's.
/// </summary>
public sealed class ContractTests
{
    [Fact]
    public async Task EverySource_BuildsTheViewThePanelsRead_WithTheServersFigures()
    {
        await using var serve = await AuraServe.StartAsync();
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = serve.Address };
        (await http.GetAsync(serve.LoginUrl)).EnsureSuccessStatusCode();

        var files = Directory.CreateTempSubdirectory("aura-contract-").FullName;
        try
        {
            var snapshot = await SaveAsync(http, "/api/v1/snapshot", files, "snapshot.json");
            var stats = await SaveAsync(http, "/api/stats", files, "stats.json");
            var at = JsonNode.Parse(snapshot)!["time"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds() / 1000.0 + 1;
            var atText = at.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            string values = string.Empty;
            await Eventually.TrueAsync(
                async () =>
                {
                    var response = await http.GetAsync($"/api/v1/values?at={atText}");
                    values = await response.Content.ReadAsStringAsync();
                    return response.IsSuccessStatusCode;
                },
                "the DVR should hold the tick the snapshot came from",
                TimeSpan.FromSeconds(20));
            await File.WriteAllTextAsync(Path.Combine(files, "values.json"), values);
            await SaveAsync(http, $"/api/v1/processes?at={atText}", files, "processes.json");

            var views = RunContract(files);

            views["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBeEmpty("model.js left contract fields undefined");
            var source = JsonNode.Parse(snapshot)!;
            var view = views["snapshot"]!;
            view["cpu"]!["usage"]!.GetValue<double>().ShouldBe(source["cpu"]!["total"]!["busy"]!.GetValue<double>());
            view["memory"]!["total"]!.GetValue<long>().ShouldBe(source["memory"]!["total_bytes"]!.GetValue<long>());
            view["cpu"]!["cores"]!.AsArray().Count.ShouldBe(source["cpu"]!["cores"]!.AsArray().Count);
            view["processes"]!.AsArray().Count.ShouldBe(source["processes"]!.AsArray().Count);
            view["processes"]!.AsArray().Count.ShouldBeGreaterThan(0);
            var firstProcess = source["processes"]![0]!;
            view["processes"]![0]!["pid"]!.GetValue<int>().ShouldBe(firstProcess["pid"]!.GetValue<int>());
            view["processes"]![0]!["rss"]!.GetValue<long>().ShouldBe(firstProcess["rss_bytes"]!.GetValue<long>());
            view["processes"]![0]!["user"]!.GetValue<string>().ShouldBe(firstProcess["user"]!.GetValue<string>());

            var clara = views["clara"]!;
            var claraSource = JsonNode.Parse(stats)!;
            clara["memory"]!["total"]!.GetValue<long>().ShouldBe(claraSource["memory"]!["total"]!.GetValue<long>());
            clara["processes"]!.AsArray().Count.ShouldBe(claraSource["processes"]!.AsArray().Count);

            var dvr = views["dvr"]!;
            dvr["cpu"]!["usage"].ShouldNotBeNull("the DVR's tick has aura_cpu_usage_ratio");
            dvr["memory"]!["total"]!.GetValue<double>().ShouldBe(source["memory"]!["total_bytes"]!.GetValue<double>());
            dvr["processes"]!.AsArray().Count.ShouldBeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    private static async Task<string> SaveAsync(HttpClient http, string path, string directory, string name)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path} answered {(int)response.StatusCode}: {body}");
        await File.WriteAllTextAsync(Path.Combine(directory, name), body);
        return body;
    }

    private static JsonNode RunContract(string files)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "web", "tools", "contract.mjs"));
        foreach (var name in new[] { "snapshot.json", "stats.json", "values.json", "processes.json" })
        {
            info.ArgumentList.Add(Path.Combine(files, name));
        }

        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.WaitForExit(30_000).ShouldBeTrue("node should finish the contract check within 30 s");
        node.ExitCode.ShouldBe(0, $"node contract.mjs failed: {stderr.Result}");
        return JsonNode.Parse(stdout.Result)!;
    }
}
