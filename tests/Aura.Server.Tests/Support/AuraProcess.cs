using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Aura.Server.Tests.Support;

/// <summary>The real `aura` executable, run with an argument list, a private HOME and a bounded wait.</summary>
internal sealed class AuraProcess : IAsyncDisposable
{
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

    public static string Binary { get; } = FindBinary();

    public int Id => _process.Id;

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

    public static ProcessStartInfo StartInfo(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        StartInfo(Binary, home, args, environment);

    /// <summary>Starts <paramref name="program"/>: the binary, or a link to it under another tool's name (argv[0] is the link).</summary>
    public static ProcessStartInfo StartInfo(string program, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
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

        // Keep the daemon away from the developer's own config, DVR and socket.
        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        info.Environment["XDG_RUNTIME_DIR"] = Path.Combine(home, "run");
        foreach (var name in new[] { "AURA_DB_PATH", "AURA_CONFIG", "AURA_HEALTH_LOG", "JETSONSCOPE_SOCKET_PATH", "TEGRA_SOCKET_PATH", "JETSONSCOPE_TELEMETRY_LOG", "RUNTIME_DIRECTORY",
            "JETSONSCOPE_STATS_CMD", "AURA_TEGRASTATS_CMD", "TEGRASTATS_CMD", "JETSONSCOPE_TUI_MODE", "AURA_TEGRASTATS_MODE", "TEGRA_TUI_MODE",
            "AURA_API_KEY", "JETSONSCOPE_AUTH_TOKEN", "TEGRA_AUTH_TOKEN", "JETSONSCOPE_HTTP_ADDR", "JETSONSCOPE_METRICS_TOKEN", "AURA_METRICS_TOKEN",
            "JETSONSCOPE_PROTO", "TEGRA_PROTO", "AURA_EVENTS_PATH" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    public static AuraProcess Start(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        new(Process.Start(StartInfo(home, args, environment))!);

    /// <summary>Starts a link to `aura` (see <see cref="StartInfo(string, string, IEnumerable{string}, IReadOnlyDictionary{string, string}?)"/>).</summary>
    public static AuraProcess StartAs(string program, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        new(Process.Start(StartInfo(program, home, args, environment))!);

    /// <summary>Runs a link to `aura` to its end, in <paramref name="workingDirectory"/> when given.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsAsync(
        string program, string home, IReadOnlyDictionary<string, string> environment, string[] args, string? workingDirectory = null)
    {
        var info = StartInfo(program, home, args, environment);
        info.WorkingDirectory = workingDirectory ?? info.WorkingDirectory;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitAsync(process, TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a command to its end: exit code, stdout, stderr.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string home, params string[] args) =>
        RunAsync(home, new Dictionary<string, string>(), args);

    /// <summary>Runs a command to its end with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(home, args, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitAsync(process, TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
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

    private static string FindBinary()
    {
        // scripts/test-aot.sh points the tests at the Native AOT binary, the build that ships.
        if (Environment.GetEnvironmentVariable("AURA_TEST_BINARY") is { Length: > 0 } shipped)
        {
            File.Exists(shipped).ShouldBeTrue($"AURA_TEST_BINARY names {shipped}, which does not exist");
            return System.IO.Path.GetFullPath(shipped);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aura.slnx")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (with Aura.slnx) was not found above the test assembly");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var binary = Path.Combine(directory.FullName, "src", "Aura", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "aura.exe" : "aura");
        File.Exists(binary).ShouldBeTrue($"the aura executable was not built at {binary}");
        return binary;
    }
}
