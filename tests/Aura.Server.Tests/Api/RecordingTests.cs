using System.Globalization;
using Aura.Server.History;
using Aura.Server.Hosting;
using Aura.Server.Sampling;
using Aura.Server.Tests.Support;
using Aura.Storage.Dvr;

namespace Aura.Server.Tests.Api;

/// <summary>The server records its own ticks into a DVR and answers history from the same file while it runs.</summary>
public sealed class RecordingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-recording-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Serve_RecordsEveryTick_AndServesThemBackWhileRunning()
    {
        var path = Path.Combine(_directory.FullName, "telemetry.sqlite");
        using var writer = DvrWriter.Open(new DvrOptions { Path = path, FlushInterval = TimeSpan.FromMilliseconds(100) }, TimeProvider.System);
        using var history = new DvrHistory(DvrReader.Open(path));
        var services = new DaemonParts { Recorder = new DvrRecorder(writer), History = history };
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set }, services);
        await running.WaitForTickAsync(5);

        var points = 0;
        await Eventually.TrueAsync(() => (points = CountPoints(running)) >= 5, "five recorded ticks readable through /api/timeline");

        points.ShouldBeLessThanOrEqualTo((int)running.Server.Hub.Ticks, "one recorded sample per published tick");
    }

    [Fact]
    public async Task Stop_FlushesTheLastTicksToDisk()
    {
        var path = Path.Combine(_directory.FullName, "telemetry.sqlite");
        long published;
        using (var writer = DvrWriter.Open(new DvrOptions { Path = path, FlushInterval = TimeSpan.FromHours(1) }, TimeProvider.System))
        {
            var running = await RunningServer.StartAsync(parts: new DaemonParts { Recorder = new DvrRecorder(writer) });
            await running.WaitForTickAsync(3);
            await running.DisposeAsync();
            published = running.Server.Hub.Ticks;

            // The writer is still open: only the server's stop can have put the ticks on disk. (The DVR refuses a tick
            // not later than the last one, which a clock step on a loaded machine can cause; those are counted.)
            using var reader = DvrReader.Open(path);
            reader.Latest(1000, includeValues: false).Count.ShouldBe((int)(published - writer.DroppedTicks), $"published {published}, dropped {writer.DroppedTicks}");
        }
    }

    private static int CountPoints(RunningServer running)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(
            $"/api/timeline?series=aura_memory_used_bytes&from=0&to={(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 60).ToString(CultureInfo.InvariantCulture)}",
            UriKind.Relative));
        request.Headers.Add("X-API-Key", Keys.Read);
        using var response = running.Http.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var stream = response.Content.ReadAsStream();
        using var reader = new StreamReader(stream);
        return Json.Parse(reader.ReadToEnd()).GetProperty("points").GetArrayLength();
    }
}
