using System.Diagnostics;
using System.Globalization;

namespace Aura.Cli.Gui;

/// <summary>
/// An `aura serve` this command started: the same executable, an argument list, its stderr shared with ours. Its login
/// link is read from its ready line; it is stopped with SIGTERM (a clean shutdown that flushes the DVR).
/// </summary>
internal sealed class DaemonChild : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private DaemonChild(Process process, Uri loginUrl)
    {
        _process = process;
        LoginUrl = loginUrl;
    }

    public Uri LoginUrl { get; }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public static async Task<DaemonChild> StartAsync(IEnumerable<string> serveArguments, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the aura executable is unknown");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardInput = true };
        info.ArgumentList.Add("serve");
        foreach (var argument in serveArguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("aura serve did not start");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (ServeReadyLine.LoginOf(line) is { } login)
                {
                    // Keep reading so the daemon never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new DaemonChild(process, login);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new UsageException($"gui: aura serve was not ready within {StartTimeout.TotalSeconds:0} s");
        }

        await process.WaitForExitAsync(CancellationToken.None);
        throw new UsageException($"gui: aura serve exited with {process.ExitCode} before it was ready (its error is above)");
    }

    /// <summary>Asks the daemon to stop (SIGTERM) and waits for it; kills it if it does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                var term = new ProcessStartInfo("kill") { UseShellExecute = false };
                term.ArgumentList.Add("-TERM");
                term.ArgumentList.Add(_process.Id.ToString(CultureInfo.InvariantCulture));
                using var kill = Process.Start(term);
                if (kill is not null)
                {
                    await kill.WaitForExitAsync();
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No kill(1) here (e.g. Windows): the hard stop below.
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
