using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Aura.Testing;

/// <summary>
/// The real `aura` executable (<see cref="AuraBinary"/>), started with an argument list, a private HOME and the scrubbed
/// environment (<see cref="AuraEnvironment"/>), and waited on with a bound. The one way tests start `aura`.
/// </summary>
public sealed class AuraProcess : IAsyncDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private AuraProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

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

    public static ProcessStartInfo StartInfo(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartInfo(AuraBinary.Path, home, args, environment);

    /// <summary>Starts <paramref name="program"/>: the binary, or a link to it under another tool's name (argv[0] is the link).</summary>
    public static ProcessStartInfo StartInfo(string program, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        AuraEnvironment.Apply(info, home, environment);
        return info;
    }

    public static AuraProcess Start(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(Process.Start(StartInfo(home, args, environment))!);

    /// <summary>Starts a link to `aura` (see <see cref="StartInfo(string, string, IEnumerable{string}, IReadOnlyDictionary{string, string}?)"/>).</summary>
    public static AuraProcess StartAs(string program, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(Process.Start(StartInfo(program, home, args, environment))!);

    /// <summary>Runs a command to its end: exit code, stdout, stderr.</summary>
    public static Task<AuraResult> RunAsync(string home, params string[] args) => RunAsAsync(AuraBinary.Path, home, null, args);

    /// <summary>Runs a command to its end with extra (or, where null, removed) environment variables.</summary>
    public static Task<AuraResult> RunAsync(string home, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsAsync(AuraBinary.Path, home, environment, args);

    /// <summary>Runs a link to `aura` to its end, in <paramref name="workingDirectory"/> when given.</summary>
    public static async Task<AuraResult> RunAsAsync(
        string program, string home, IReadOnlyDictionary<string, string?>? environment, string[] args, string? workingDirectory = null)
    {
        var info = StartInfo(program, home, args, environment);
        info.WorkingDirectory = workingDirectory ?? info.WorkingDirectory;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitAsync(process, RunLimit);
        return new AuraResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Reads stdout lines until one starts with <paramref name="prefix"/>; returns it.</summary>
    public async Task<string> ReadLineStartingWithAsync(string prefix, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"aura printed no line starting '{prefix}' within {timeout.TotalSeconds} s; stderr:\n{Stderr}");
        }

        throw new ShouldAssertException($"aura exited before printing '{prefix}'; stderr:\n{Stderr}");
    }

    /// <summary>Waits for `aura serve`'s ready line (60 s by default: the machine is shared) and returns what it says.</summary>
    public async Task<ServeReady> WaitReadyAsync(TimeSpan? timeout = null) =>
        ServeReady.Parse(await ReadLineStartingWithAsync(ServeReady.Prefix, timeout ?? TimeSpan.FromSeconds(60)));

    /// <summary>Keeps reading stdout in the background, so a long-running daemon never blocks on a full pipe.</summary>
    public void DrainStdout() => _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);

    public Task<string> ReadRestOfStdoutAsync() => _process.StandardOutput.ReadToEndAsync();

    public async Task<int> SignalAndWaitAsync(string signal)
    {
        var (exitCode, _, stderr) = await ChildProcess.RunAsync("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)]);
        exitCode.ShouldBe(0, stderr);
        await WaitAsync(_process, TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task WaitAsync(Process process, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"aura did not exit within {timeout.TotalSeconds} s");
        }
    }
}
