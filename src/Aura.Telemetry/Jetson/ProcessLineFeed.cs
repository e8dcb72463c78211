using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// One long-running process (tegrastats, or an emulator command) whose stdout lines are read on a background task; a
/// tick only takes the latest line, so no tick starts a process. If the process ends or cannot start, it is started
/// again after a pause that doubles from 1 s to 30 s (back to 1 s after a run longer than a minute); the last line
/// stays the latest meanwhile.
/// </summary>
internal sealed class ProcessLineFeed : ITegraLines
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongRun = TimeSpan.FromMinutes(1);

    /// <summary>A tegrastats line is a few hundred characters; anything far longer is not one.</summary>
    private const int MaxLine = 16 * 1024;

    private readonly string _executable;
    private readonly ImmutableArray<string> _arguments;
    private readonly string _origin;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _settled = new(false);
    private readonly Task _loop;
    private string? _latest;
    private string? _problem;
    private int _starts;

    public ProcessLineFeed(string executable, ImmutableArray<string> arguments, string origin, TimeProvider clock)
    {
        _executable = executable;
        _arguments = arguments;
        _origin = origin;
        _clock = clock;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>How many times the process was started (for tests and diagnostics).</summary>
    public int Starts => Volatile.Read(ref _starts);

    public string? Problem => Volatile.Read(ref _problem);

    public string? Latest() => Volatile.Read(ref _latest);

    public void WaitForFirst(TimeSpan timeout) => _settled.Wait(timeout);

    public void Dispose()
    {
        _stop.Cancel();
        // The loop kills the process as it unwinds; a bounded wait keeps a stuck child from hanging shutdown.
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
        _settled.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var pause = FirstPause;
        while (!stop.IsCancellationRequested)
        {
            var started = _clock.GetTimestamp();
            try
            {
                await RunOnceAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
            {
                Volatile.Write(ref _problem, $"{_origin}: '{_executable}' could not run: {e.Message}");
            }

            _settled.Set();
            if (_clock.GetElapsedTime(started) > LongRun)
            {
                pause = FirstPause;
            }

            try
            {
                await Task.Delay(pause, _clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = pause * 2 > LongestPause ? LongestPause : pause * 2;
        }
    }

    private async Task RunOnceAsync(CancellationToken stop)
    {
        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
        Interlocked.Increment(ref _starts);
        try
        {
            process.StandardInput.Close();
            var errors = LastLineAsync(process.StandardError, stop);
            while (await process.StandardOutput.ReadLineAsync(stop) is { } line)
            {
                if (line.Length > MaxLine)
                {
                    Volatile.Write(ref _problem, $"{_origin}: '{_executable}' printed a line of {line.Length} characters; lines over {MaxLine} are ignored");
                }
                else if (line.Length > 0)
                {
                    Volatile.Write(ref _latest, line);
                    Volatile.Write(ref _problem, null);
                    _settled.Set();
                }
            }

            await process.WaitForExitAsync(stop);
            var stderr = (await errors).Trim();
            var lastError = stderr.Length == 0 ? "" : ": " + (stderr.Length > 300 ? stderr[..300] : stderr);
            Volatile.Write(ref _problem, $"{_origin}: '{_executable}' exited with code {process.ExitCode}{lastError}");
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>Drains a stream line by line, keeping only the last non-empty line, so a chatty command cannot grow memory.</summary>
    private static async Task<string> LastLineAsync(StreamReader reader, CancellationToken stop)
    {
        var last = "";
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            if (line.Length > 0)
            {
                last = line;
            }
        }

        return last;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It exited between the check and the kill.
        }
    }
}
