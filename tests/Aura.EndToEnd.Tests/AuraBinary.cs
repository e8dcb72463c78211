using System.Diagnostics;

namespace Aura.EndToEnd.Tests;

/// <summary>Runs the real `aura` executable built next to this test assembly's configuration.</summary>
internal static class AuraBinary
{
    private static readonly Lazy<string> PathToBinary = new(Find);

    public static string Path => PathToBinary.Value;

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Path)
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

        // Keep tests away from the developer's own config and DVR.
        var home = Directory.CreateTempSubdirectory("aura-e2e-home-").FullName;
        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = System.IO.Path.Combine(home, ".config");
        info.Environment["XDG_DATA_HOME"] = System.IO.Path.Combine(home, ".local", "share");
        info.Environment.Remove("AURA_DB_PATH");
        info.Environment.Remove("AURA_RETENTION_SECONDS");
        info.Environment.Remove("AURA_CONFIG");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    public static async Task<AuraResult> RunAsync(params string[] args) => await RunAsync(args, null);

    public static async Task<AuraResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new AuraResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Find()
    {
        // scripts/test-aot.sh points the tests at the Native AOT binary, the build that ships.
        if (Environment.GetEnvironmentVariable("AURA_TEST_BINARY") is { Length: > 0 } shipped)
        {
            File.Exists(shipped).ShouldBeTrue($"AURA_TEST_BINARY names {shipped}, which does not exist");
            return System.IO.Path.GetFullPath(shipped);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Aura.slnx")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (with Aura.slnx) was not found above the test assembly");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var binary = System.IO.Path.Combine(directory.FullName, "src", "Aura", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "aura.exe" : "aura");
        File.Exists(binary).ShouldBeTrue($"the aura executable was not built at {binary}");
        return binary;
    }
}
