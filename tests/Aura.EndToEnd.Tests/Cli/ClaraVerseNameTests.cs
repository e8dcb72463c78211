using System.Globalization;
using System.Net;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>
/// ClaraVerse starts `widgets-service [PORT]` and its widgets poll it from their own page: the real `aura`, started
/// through a link named widgets-service, answers there as the Go service did.
/// </summary>
public sealed class ClaraVerseNameTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-clara-home-");
    private readonly LegacyLinks _links = new();

    public void Dispose()
    {
        _links.Dispose();
        _home.Delete(recursive: true);
    }

    [Fact]
    public async Task WidgetsService_PositionalPort_ServesClaraVerseThereToALocalPage()
    {
        var port = FreePort.Next();
        await using var service = AuraProcess.StartAs(_links["widgets-service"], _home.FullName, [port.ToString(CultureInfo.InvariantCulture)]);

        var listening = (await service.WaitReadyAsync()).Http;

        listening.ShouldBe(new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var stats = Json.Parse(await http.GetStringAsync(new Uri("/api/stats", UriKind.Relative)));
        stats.GetProperty("timestamp").GetString()!.ShouldEndWith("Z", Case.Sensitive, "timestamps end in Z, as Go's did");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/stats/gpu", UriKind.Relative));
        preflight.Headers.Add("Origin", "http://localhost:5173");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var answer = await http.SendAsync(preflight);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        answer.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("http://localhost:5173");
        (await service.SignalAndWaitAsync("TERM")).ShouldBe(0, service.Stderr);
    }

    [Fact]
    public async Task WidgetsService_PortThatIsNotANumber_ExitsTwoNamingIt()
    {
        var result = await AuraProcess.RunAsAsync(_links["widgets-service"], _home.FullName, new Dictionary<string, string?>(), ["80a"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("widgets-service: the port must be a whole number from 0 to 65535, not '80a'");
    }

    [Fact]
    public async Task Serve_PortGivenBothWays_ExitsTwo()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "serve", "8766", "--port", "8767");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("give the port once");
    }

    [Fact]
    public async Task AuraGui_IsAuraGui()
    {
        var result = await AuraProcess.RunAsAsync(_links["aura-gui"], _home.FullName, new Dictionary<string, string?>(), ["--help"]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Open the cockpit in an app window");
    }
}
