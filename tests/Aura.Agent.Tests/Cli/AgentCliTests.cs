using System.Text.Json;
using Aura.Agent.Tests.Support;

namespace Aura.Agent.Tests.Cli;

/// <summary>`aura agent diff` and `aura agent check` as a user runs them: the real executable.</summary>
public sealed class AgentCliTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-agent-cli-");

    public void Dispose() => _home.Delete(recursive: true);

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Diff_Json_PrintsAuraOsResultShape()
    {
        using var x = Xvfb.Start(1024, 768);

        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(_home.FullName, ["agent", "diff", "--json", "--display", x.Display]);

        exitCode.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("is_first_frame").GetBoolean().ShouldBeTrue();
        root.GetProperty("screen_width").GetInt32().ShouldBe(1024);
        root.GetProperty("screen_height").GetInt32().ShouldBe(768);
        root.GetProperty("changed_regions")[0].GetProperty("width").GetInt32().ShouldBe(1024);
        root.GetProperty("summary").GetString()!.ShouldContain("First frame");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Diff_Watch_UsesDisplayFromEnvironmentAndReportsLaterFrames()
    {
        using var x = Xvfb.Start(640, 480);

        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["DISPLAY"] = x.Display }, ["agent", "diff", "--watch", "--count", "2", "--interval", "0.1"]);

        exitCode.ShouldBe(0, stderr);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["First frame: the whole 640x480 screen.", "No change on the 640x480 screen."]);
    }

    [Fact]
    public async Task Diff_NoDisplay_ExitsOneSayingHowToChooseOne()
    {
        var (exitCode, _, stderr) = await AuraProcess.RunAsync(_home.FullName, ["agent", "diff"]);

        exitCode.ShouldBe(1);
        stderr.ShouldContain("no X display: set DISPLAY or pass --display");
    }

    [Fact]
    public async Task Diff_WaylandSessionWithoutX_ExitsOneNamingWayland()
    {
        var (exitCode, _, stderr) = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["WAYLAND_DISPLAY"] = "wayland-0" }, ["agent", "diff"]);

        exitCode.ShouldBe(1);
        stderr.ShouldContain("Wayland");
    }

    [Fact]
    public async Task Diff_IntervalWithoutWatch_IsAUsageError()
    {
        var (exitCode, _, stderr) = await AuraProcess.RunAsync(_home.FullName, ["agent", "diff", "--interval", "2", "--display", ":1"]);

        exitCode.ShouldBe(2);
        stderr.ShouldContain("--interval and --count need --watch");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Check_DisplayUpOllamaWithoutModel_IsDegradedAndLogged()
    {
        using var x = Xvfb.Start(640, 480);
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("[]"), "llava");
        var log = Path.Combine(_home.FullName, "check.jsonl");

        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(_home.FullName,
            ["agent", "check", "--skip", "daemon", "--skip", "agent", "--ollama", ollama.Url.ToString(), "--display", x.Display, "--attempts", "2", "--backoff-base", "0.01", "--log", log]);

        exitCode.ShouldBe(1, stdout + stderr);
        stdout.ShouldContain("ollama pull mistral");
        using var line = JsonDocument.Parse(File.ReadAllLines(log).Single());
        line.RootElement.GetProperty("status").GetString().ShouldBe("degraded");
        var probes = line.RootElement.GetProperty("probes");
        probes[0].GetProperty("name").GetString().ShouldBe("ollama");
        probes[0].GetProperty("attempts").GetInt32().ShouldBe(2);
        probes[1].GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Check_NothingAnswers_IsDownWithExitTwo()
    {
        var (exitCode, stdout, _) = await AuraProcess.RunAsync(_home.FullName,
            new Dictionary<string, string?> { ["AURA_API_KEY"] = "agent-key-0123456789abcdef" },
            ["agent", "check", "--daemon", "http://127.0.0.1:9/", "--agent", "ws://127.0.0.1:9/ws/agent", "--ollama", "http://127.0.0.1:9/", "--display", ":54321",
             "--attempts", "1", "--json"]);

        exitCode.ShouldBe(2, stdout);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("status").GetString().ShouldBe("down");
        json.RootElement.GetProperty("probes").GetArrayLength().ShouldBe(4);
        File.Exists(Path.Combine(_home.FullName, ".local", "state", "Aura", "agent-check.jsonl")).ShouldBeTrue("the default log is under XDG_STATE_HOME");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_DryRun_PrintsThePlannedStepAndExitsZero()
    {
        using var x = Xvfb.Start(640, 480);
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("""{"actions":[{"action":"key","key":"ctrl+l"}]}"""));

        var (exitCode, stdout, stderr) = await AuraProcess.RunAsync(_home.FullName,
            ["agent", "run", "--goal", "clear the terminal", "--dry-run", "--ollama", ollama.Url.ToString(), "--display", x.Display, "--events-path", Path.Combine(_home.FullName, "events.sqlite")]);

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldContain("""step 1: {"action":"key","key":"ctrl+l"}""");
        stderr.ShouldContain("aura agent run: dry run");
    }

    [Theory]
    [InlineData("--max-steps", "500", "at most 200")]
    [InlineData("--ollama", "ftp://example", "http:// or https:// URL")]
    [InlineData("--agent", "http://127.0.0.1:6789", "ws:// or wss:// URL")]
    public async Task Run_BadFlag_IsAUsageErrorNamingIt(string flag, string value, string message)
    {
        var (exitCode, _, stderr) = await AuraProcess.RunAsync(_home.FullName, ["agent", "run", "--goal", "g", "--display", ":1", flag, value]);

        exitCode.ShouldBe(2);
        stderr.ShouldContain(message);
    }

    [Fact]
    public async Task Check_BadBackoff_IsAUsageErrorNamingTheFlag()
    {
        var (exitCode, _, stderr) = await AuraProcess.RunAsync(_home.FullName, ["agent", "check", "--backoff-factor", "0.5"]);

        exitCode.ShouldBe(2);
        stderr.ShouldContain("--backoff-factor");
    }
}
