using System.Diagnostics;
using System.Text;

namespace Aura.Agent.Tests.Support;

/// <summary>The real `aura` executable, run with a private HOME so it never touches the developer's config or data.</summary>
internal static class AuraRun
{
    public static string Binary { get; } = FindBinary();

    public static ProcessStartInfo Info(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        info.Environment["XDG_STATE_HOME"] = Path.Combine(home, ".local", "state");
        info.Environment["XDG_RUNTIME_DIR"] = Path.Combine(home, "run");
        foreach (var name in new[] { "DISPLAY", "WAYLAND_DISPLAY", "AURA_API_KEY", "AURA_CONFIG", "AURA_DB_PATH", "OLLAMA_HOST" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string home, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Process.Start(Info(home, args, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running command; lines of stdout arrive in the returned queue.</summary>
    public static Process Start(string home, IEnumerable<string> args, System.Collections.Concurrent.ConcurrentQueue<string> lines, StringBuilder stderr, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var process = Process.Start(Info(home, args, environment))!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindBinary()
    {
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
        return Path.Combine(directory.FullName, "src", "Aura", "bin", configuration, "net10.0", "aura");
    }
}
