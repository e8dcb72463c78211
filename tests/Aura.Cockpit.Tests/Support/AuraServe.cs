using System.Diagnostics;
using System.Text;

namespace Aura.Cockpit.Tests.Support;

/// <summary>
/// The real `aura serve` on a free port with a private HOME (its own DVR, event log and socket), started with an argument
/// list; knows its address and the login link it printed.
/// </summary>
internal sealed class AuraServe : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private bool _disposed;

    private AuraServe(Process process, string home)
    {
        _process = process;
        Home = home;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public string Home { get; }

    public Uri Address { get; private set; } = null!;

    public Uri LoginUrl { get; private set; } = null!;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<AuraServe> StartAsync(string? dbPath = null, int port = 0)
    {
        var home = Directory.CreateTempSubdirectory("aura-cockpit-").FullName;
        var info = new ProcessStartInfo(RepoPaths.Aura)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--socket", Path.Combine(home, "aura.sock") })
        {
            info.ArgumentList.Add(arg);
        }

        if (dbPath is not null)
        {
            info.ArgumentList.Add("--db-path");
            info.ArgumentList.Add(dbPath);
        }

        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        info.Environment["XDG_RUNTIME_DIR"] = Path.Combine(home, "run");
        foreach (var name in new[] { "AURA_DB_PATH", "AURA_CONFIG", "AURA_EVENTS_PATH", "AURA_HEALTH_LOG", "AURA_API_KEY", "JETSONSCOPE_SOCKET_PATH" })
        {
            info.Environment.Remove(name);
        }

        var serve = new AuraServe(Process.Start(info)!, home);
        await serve.ReadBannerAsync(TimeSpan.FromSeconds(60));
        return serve;
    }

    private async Task ReadBannerAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                var text = line.Trim();
                if (text.Contains(" is listening on ", StringComparison.Ordinal))
                {
                    Address = new Uri(text[(text.LastIndexOf(' ') + 1)..]);
                }
                else if (text.StartsWith("http", StringComparison.Ordinal) && text.Contains("?token=", StringComparison.Ordinal))
                {
                    LoginUrl = new Uri(text);
                    // Keep draining stdout so the daemon never blocks on a full pipe.
                    _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"aura serve printed no login link within {timeout.TotalSeconds} s; stderr:\n{Stderr}");
        }

        throw new ShouldAssertException($"aura serve exited before printing its login link; stderr:\n{Stderr}");
    }

    /// <summary>Kills the daemon and removes its home; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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
