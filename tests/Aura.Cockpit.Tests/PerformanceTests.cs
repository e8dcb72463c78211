using System.Net;
using System.Text.RegularExpressions;
using Aura.Cockpit.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aura.Cockpit.Tests;

/// <summary>
/// The cockpit against a DVR holding 30 days: it must draw the whole month, serve its assets compressed and immutable,
/// and stay live. Timings (first paint, draw time, long tasks, bytes) are measured on the way and recorded, never
/// asserted: docs/benchmarks.md reports them with the machine and date.
/// </summary>
[Collection(CockpitGroup.Name)]
public sealed partial class PerformanceTests(CockpitFixture fixture)
{
    private const int Month = 30 * 86_400;

    [RequiresToolFact(Chromium.Path)]
    public async Task ThirtyDayTimeline_IsDrawnFromTheDvr_AndTheFiguresAreRecorded()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("aura-cockpit-month-").FullName, "telemetry.sqlite");
        SeedMonth(db, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 120);
        await using var server = await AuraServe.StartAsync(db);
        await using var cockpit = await fixture.OpenAsync(server);
        var page = cockpit.Page;

        Measurements.Record("first_contentful_paint_cold_ms", await page.EvaluateAsync<double>(
            "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"));
        Measurements.Record("first_meaningful_paint_cold_ms", await page.EvaluateAsync<double>("() => globalThis.__aura.firstPaint"));

        // A new browser (empty cache) on the now warm server, through the sign-in link and its redirect.
        await using (var fresh = await fixture.OpenAsync(server))
        {
            Measurements.Record("first_meaningful_paint_new_browser_ms", await fresh.Page.EvaluateAsync<double>("() => globalThis.__aura.firstPaint"));
            (await fresh.Page.EvaluateAsync<int>("() => performance.getEntriesByName(location.origin + '/api/v1/session').length"))
                .ShouldBe(1, "the page's preload of /api/v1/session is the request the script uses");
            foreach (var (name, script) in Milestones)
            {
                Measurements.Record("new_browser_" + name, await fresh.Page.EvaluateAsync<double>(script));
            }

            fresh.Errors.ShouldBeEmpty();
        }

        // Warm: the page again, signed in, server and browser caches as a returning user has them.
        await page.ReloadAsync();
        await cockpit.WaitReadyAsync();
        Measurements.Record("first_contentful_paint_warm_ms", await page.EvaluateAsync<double>(
            "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"));
        Measurements.Record("first_meaningful_paint_warm_ms", await page.EvaluateAsync<double>("() => globalThis.__aura.firstPaint"));

        await page.Locator("button.seg[data-range='2592000']").ClickAsync();
        await Eventually.TrueAsync(
            async () => await page.EvaluateAsync<bool>("() => globalThis.__aura?.timelineRange === 2592000 && globalThis.__aura.timelinePoints > 100"),
            "the 30-day window should be drawn from the seeded month",
            TimeSpan.FromSeconds(30));
        var points = await page.EvaluateAsync<int>("() => globalThis.__aura.timelinePoints");
        points.ShouldBeGreaterThan(100);
        (await page.Locator(".timeline-info").TextContentAsync()).ShouldNotBeNull().ShouldContain("tier");
        Measurements.Record("timeline_30d_points", points);
        Measurements.Record("timeline_30d_draw_ms", await page.EvaluateAsync<double>("() => globalThis.__aura.timelineDrawMs"));

        // Ten seconds live: collect every long task (> 50 ms) the page reports.
        var before = await page.Locator("#mode-label").TextContentAsync();
        await page.EvaluateAsync("() => { globalThis.__aura.longTasks.length = 0; }");
        await page.WaitForTimeoutAsync(10_000);
        var longTasks = await page.EvaluateAsync<int[]>("() => globalThis.__aura.longTasks");
        Measurements.Record("live_long_tasks_over_50ms_in_10s", longTasks.Length);
        Measurements.Record("live_longest_task_ms", longTasks.Length == 0 ? 0 : longTasks.Max());
        (await page.Locator("#mode-label").TextContentAsync()).ShouldNotBe(before, "the cockpit stayed live");
        cockpit.Errors.ShouldBeEmpty();
    }

    /// <summary>Where a first paint's time goes: the page arrives, the script runs, the session and first snapshot arrive.</summary>
    private static readonly (string Name, string Script)[] Milestones =
    [
        ("page_response_end_ms", "() => performance.getEntriesByType('navigation')[0].responseEnd"),
        ("redirect_end_ms", "() => performance.getEntriesByType('navigation')[0].redirectEnd"),
        ("script_start_ms", "() => performance.getEntriesByName('aura:script')[0]?.startTime ?? -1"),
        ("session_ms", "() => performance.getEntriesByName('aura:session')[0]?.startTime ?? -1"),
        ("snapshot_ms", "() => performance.getEntriesByName('aura:snapshot')[0]?.startTime ?? -1"),
    ];

    [RequiresToolFact(Chromium.Path)]
    public async Task Assets_AreServedCompressedAndImmutable()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.Server.Address };
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        pageRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        using var page = await http.SendAsync(pageRequest);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        page.Headers.CacheControl?.NoCache.ShouldBeTrue();
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        var html = await new StreamReader(new System.IO.Compression.GZipStream(await page.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync();
        long gzipped = page.Content.Headers.ContentLength ?? 0;

        var assets = AssetPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        assets.Count.ShouldBe(2, "one script and one stylesheet");
        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
            response.Headers.CacheControl.ShouldNotBeNull().ToString().ShouldContain("immutable");
            gzipped += response.Content.Headers.ContentLength ?? 0;

            using var again = new HttpRequestMessage(HttpMethod.Get, asset);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            (await http.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        Measurements.Record("assets_gzipped_bytes", gzipped);
    }

    /// <summary>A Python Aura database with one row a minute for 30 days up to <paramref name="end"/>; aura serve imports it.</summary>
    private static void SeedMonth(string path, long end)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE snapshots (timestamp REAL NOT NULL, cpu_percent REAL, memory_percent REAL)";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO snapshots VALUES ($t, $cpu, $mem)";
        var t = insert.Parameters.Add("$t", SqliteType.Real);
        var cpu = insert.Parameters.Add("$cpu", SqliteType.Real);
        var mem = insert.Parameters.Add("$mem", SqliteType.Real);
        for (long s = end - Month; s <= end; s += 60)
        {
            var day = (s % 86_400) / 86_400.0;
            t.Value = (double)s;
            cpu.Value = 30 + (25 * Math.Sin(day * 2 * Math.PI)) + (10 * Math.Sin(s / 977.0));
            mem.Value = 40 + (5 * Math.Sin(s / 50_000.0));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [GeneratedRegex("""(?:src|href)="(/assets/[^"]+)""")]
    private static partial Regex AssetPattern();
}
