using System.Globalization;

namespace Aura.Cockpit.Tests.Support;

/// <summary>
/// The real `aura serve` on a free port with a private HOME (its own DVR, event log and socket); knows its address and
/// sign-in link from its ready line.
/// </summary>
internal sealed class AuraServe : IAsyncDisposable
{
    private readonly AuraProcess _process;
    private bool _disposed;

    private AuraServe(AuraProcess process, string home, ServeReady ready)
    {
        _process = process;
        Home = home;
        Address = ready.Http;
        LoginUrl = ready.Login;
    }

    public string Home { get; }

    public Uri Address { get; }

    public Uri LoginUrl { get; }

    public string Stderr => _process.Stderr;

    public static async Task<AuraServe> StartAsync(string? dbPath = null, int port = 0)
    {
        var home = Directory.CreateTempSubdirectory("aura-cockpit-").FullName;
        List<string> args = ["serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--socket", Path.Combine(home, "aura.sock")];
        if (dbPath is not null)
        {
            args.AddRange(["--db-path", dbPath]);
        }

        var process = AuraProcess.Start(home, args);
        var ready = await process.WaitReadyAsync();
        process.DrainStdout();
        return new AuraServe(process, home, ready);
    }

    /// <summary>Kills the daemon and removes its home; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }
}
