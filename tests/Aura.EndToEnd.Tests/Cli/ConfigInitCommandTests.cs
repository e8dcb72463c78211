using System.Net;

namespace Aura.EndToEnd.Tests.Cli;

public sealed class ConfigInitCommandTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-config-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ConfigInit_WritesOwnerOnlyFileWithAGeneratedKey()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "config", "init");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var path = Path.Combine(_home.FullName, ".config", "Aura", "aura.toml");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var key = Key(path);
        key.ShouldStartWith("aura_");
        key.Length.ShouldBeGreaterThan(40);
        result.Stdout.ShouldContain(key);
    }

    [Fact]
    public async Task ConfigInit_ExistingFile_RefusedWithoutForce_ReplacedWithIt()
    {
        var path = Path.Combine(_home.FullName, "custom.toml");
        (await AuraProcess.RunAsync(_home.FullName, "config", "init", "--config", path)).ExitCode.ShouldBe(0);
        var first = Key(path);

        var again = await AuraProcess.RunAsync(_home.FullName, "config", "init", "--config", path);
        again.ExitCode.ShouldBe(2);
        again.Stderr.ShouldContain("--force");
        Key(path).ShouldBe(first, "the existing file is untouched");

        (await AuraProcess.RunAsync(_home.FullName, "config", "init", "--config", path, "--force")).ExitCode.ShouldBe(0);
        Key(path).ShouldNotBe(first);
    }

    [Fact]
    public async Task ConfigInit_KeyIsAcceptedByServe()
    {
        var path = Path.Combine(_home.FullName, "aura.toml");
        (await AuraProcess.RunAsync(_home.FullName, "config", "init", "--config", path)).ExitCode.ShouldBe(0);
        var socket = Path.Combine(_home.FullName, "aura.sock");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--config", path, "--port", "0", "--socket", socket]);
        var listening = (await serve.WaitReadyAsync()).Http;
        using var http = new HttpClient { BaseAddress = listening };

        (await http.GetAsync(new Uri("/api/v1/snapshot", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/snapshot", UriKind.Relative));
        request.Headers.Add("X-API-Key", Key(path));
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Key(string path)
    {
        var line = File.ReadAllLines(path).Single(l => l.StartsWith("api_keys", StringComparison.Ordinal));
        return line.Split('"')[1];
    }
}
