using System.Net;

namespace Aura.EndToEnd.Tests.Deploy;

/// <summary>deploy/aura.service is a valid unit, and its ExecStart line starts a working daemon.</summary>
public sealed class SystemdUnitTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aura-unit-");

    public void Dispose() => _root.Delete(recursive: true);

    [RequiresToolFact("systemd-analyze")]
    public async Task Unit_PassesSystemdAnalyzeVerify()
    {
        var unit = Path.Combine(_root.FullName, "aura.service");
        await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(UnitPath)).Replace("/usr/local/bin/aura", AuraBinary.Path, StringComparison.Ordinal));

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(Tools.Require("systemd-analyze"), ["verify", "--man=no", unit]);

        exitCode.ShouldBe(0, stderr);
        (stdout + stderr).Trim().ShouldBeEmpty("unknown keys and bad values are only warnings, so any output is a defect");
    }

    [Fact]
    public async Task ExecStart_StartsADaemonThatRecordsAndStopsOnSigterm()
    {
        var args = ExecStartArguments()
            .Select(a => a.Replace("/etc/aura", Dir("etc"), StringComparison.Ordinal)
                .Replace("/var/lib/aura", Dir("lib"), StringComparison.Ordinal)
                .Replace("/run/aura", Dir("run"), StringComparison.Ordinal))
            .Append("--port").Append("0")
            .ToList();
        var config = args[args.IndexOf("--config") + 1];
        (await AuraProcess.RunAsync(_root.FullName, "config", "init", "--config", config)).ExitCode.ShouldBe(0);

        await using var serve = AuraProcess.Start(_root.FullName, args);
        (await serve.ReadLineStartingWithAsync("  history", TimeSpan.FromSeconds(60))).ShouldContain("recording to " + Dir("lib"));
        var listening = (await serve.WaitReadyAsync()).Http;
        using var http = new HttpClient { BaseAddress = listening };
        (await http.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(Dir("run"), "jetsonscope.sock")).ShouldBeTrue();

        (await serve.SignalAndWaitAsync("TERM")).ShouldBe(0, serve.Stderr);
    }

    private static string UnitPath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aura.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "deploy", "aura.service");
        }
    }

    /// <summary>The unit's ExecStart arguments after the binary (the unit quotes nothing, so spaces separate them).</summary>
    private static List<string> ExecStartArguments()
    {
        var line = File.ReadAllLines(UnitPath).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        var words = line["ExecStart=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        words[0].ShouldBe("/usr/local/bin/aura");
        return [.. words.Skip(1)];
    }

    private string Dir(string name)
    {
        var path = Path.Combine(_root.FullName, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
