namespace Aura.EndToEnd.Tests.Shipped;

/// <summary>
/// OpenSSL (libcrypto and libssl, about 4 MB resident) is loaded only when a client needs hashing: a daemon that is
/// only scraped never maps it, and the first login does.
/// </summary>
public sealed class OpenSslLoadingTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-openssl-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Serve_OnlyScraped_LoadsOpenSslAtTheFirstLoginAndNotBefore()
    {
        await using var serve = AuraProcess.Start(
            _home.FullName,
            ["serve", "--port", "0", "--interval", "0.5", "--socket", Path.Combine(_home.FullName, "s.sock"), "--db-path", Path.Combine(_home.FullName, "dvr.sqlite")]);
        var ready = await serve.WaitReadyAsync();
        serve.DrainStdout();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ready.Http };

        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync(new Uri("metrics", UriKind.Relative))).EnsureSuccessStatusCode();
            (await http.GetAsync(new Uri("api/health", UriKind.Relative))).EnsureSuccessStatusCode();
            await Task.Delay(500);
        }

        OpenSslMappings(serve.Id).ShouldBeEmpty("scrapes and health checks need no hashing");

        using var login = await http.GetAsync(ready.Login);
        ((int)login.StatusCode).ShouldBeLessThan(400, "the login link from the ready line is accepted");
        OpenSslMappings(serve.Id).ShouldNotBeEmpty("checking the login token hashes it, through OpenSSL");
    }

    private static List<string> OpenSslMappings(int pid) =>
        File.ReadLines($"/proc/{pid}/maps")
            .Where(line => line.Contains("/libcrypto.so", StringComparison.Ordinal) || line.Contains("/libssl.so", StringComparison.Ordinal))
            .ToList();
}
