using System.Diagnostics;

namespace Aura.Agent.Tests.Deploy;

/// <summary>deploy/'s agent units are valid systemd units, and the timer runs the check every 5 minutes.</summary>
public sealed class AgentUnitTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aura-agent-units-");

    public void Dispose() => _root.Delete(recursive: true);

    [RequiresToolFact("systemd-analyze")]
    public async Task Units_PassSystemdAnalyzeVerify()
    {
        string[] units = ["aura-agent.service", "aura-agent-check.service", "aura-agent-check.timer", "aura-agent-check-resume@.service"];
        var paths = new List<string>();
        foreach (var unit in units)
        {
            var text = (await File.ReadAllTextAsync(Path.Combine(DeployDirectory, unit))).Replace("/usr/local/bin/aura", AuraBinary.Path, StringComparison.Ordinal);
            var path = Path.Combine(_root.FullName, unit.Replace("@.service", "@alice.service", StringComparison.Ordinal));
            await File.WriteAllTextAsync(path, text);
            paths.Add(path);
        }

        var start = new ProcessStartInfo(Tools.Require("systemd-analyze")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add("--man=no");
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, stderr);
        (stdout + stderr).Trim().ShouldBeEmpty("unknown keys and bad values are only warnings, so any output is a defect");
    }

    [Fact]
    public void Timer_RunsTheCheckEveryFiveMinutes()
    {
        var timer = File.ReadAllLines(Path.Combine(DeployDirectory, "aura-agent-check.timer"));

        timer.ShouldContain("OnUnitActiveSec=5min");
        File.ReadAllText(Path.Combine(DeployDirectory, "aura-agent-check-resume@.service")).ShouldContain("WantedBy=suspend.target");
    }

    private static string DeployDirectory => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(AuraBinary.Path)!)!)!, "..", "..", "..", "deploy");
}
