using System.Text.Json;
using Aura.Agent.Planner;
using Aura.Agent.Screen;
using Aura.Agent.Tests.Support;
using Aura.Storage.Events;

namespace Aura.Agent.Tests.Planner;

/// <summary>
/// The whole loop for real: a private Xvfb seen through the in-process capture, the real action server, and a stand-in
/// Ollama scripted per test.
/// </summary>
public sealed class PlannerLoopTests
{
    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_PlanThenDone_ActsThroughTheServerAndStopsWithDone()
    {
        await using var host = await AgentHost.StartAsync();
        var file = Path.Combine(host.Directory, "typed.txt");
        using var xterm = host.X.Run("xterm", "-geometry", "40x10+0+0", "-e", "sh", "-c", "exec cat > \"$0\"", file);
        await Eventually.TrueAsync(() => File.Exists(file), "cat opened its file");
        await using var ollama = await StandInOllama.StartAsync((_, n) => n == 1
            ? new("""{"actions":[{"action":"click","x":60,"y":60},{"action":"type","text":"planned text"},{"action":"key","key":"enter"}]}""")
            : new("""{"actions":[{"action":"done","reason":"the text is typed"}]}"""));

        var (outcome, output) = await RunAsync(host, ollama, new PlannerOptions { Goal = "type planned text into the terminal" });

        outcome.Reason.ShouldBe(StopReason.Done, output);
        outcome.ExitCode.ShouldBe(0);
        outcome.Message.ShouldContain("the text is typed");
        await Eventually.TrueAsync(() => File.ReadAllText(file) == "planned text\n", "the planned text reaches cat's file");
        var second = ollama.Requests.ToArray()[1].GetProperty("messages")[1].GetProperty("content").GetString()!;
        second.ShouldContain("Goal: type planned text into the terminal");
        second.ShouldContain("Screen now: ");
        second.ShouldContain("-> ok");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_InvalidAnswers_RetriesTwiceThenStopsWithAPlannerError()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("I would click the button"));

        var (outcome, _) = await RunAsync(host, ollama, new PlannerOptions { Goal = "anything" });

        outcome.Reason.ShouldBe(StopReason.PlannerError);
        outcome.ExitCode.ShouldBe(1);
        outcome.Message.ShouldContain("invalid 3 times");
        ollama.Requests.Count.ShouldBe(3);
        ollama.Requests.Last().GetProperty("messages")[1].GetProperty("content").GetString()!.ShouldContain("Your previous answer was invalid");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_SameActionForeverWithNoScreenChange_StopsAsStuck()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("""{"actions":[{"action":"wait","duration":0}]}"""));

        var (outcome, _) = await RunAsync(host, ollama, new PlannerOptions { Goal = "wait forever", MaxSteps = 50 });

        outcome.Reason.ShouldBe(StopReason.Stuck);
        outcome.ExitCode.ShouldBe(4);
        outcome.Steps.ShouldBe(3);
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_NeverDone_StopsAtTheStepLimit()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((_, n) => new($$"""{"actions":[{"action":"move","x":{{n}},"y":{{n}}}]}"""));

        var (outcome, _) = await RunAsync(host, ollama, new PlannerOptions { Goal = "move about", MaxSteps = 4 });

        outcome.Reason.ShouldBe(StopReason.StepLimit);
        outcome.ExitCode.ShouldBe(3);
        outcome.Steps.ShouldBe(4);
        ollama.Requests.Count.ShouldBe(4);
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_PlannerNeedsVision_AsksTheVisionModelWithCropsAndUsesItsAnswer()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((request, n) =>
            request.GetProperty("model").GetString() == "llava" ? new("A black screen with nothing to click.")
            : n == 1 ? new("""{"actions":[],"need_vision":true,"question":"what is on screen?"}""")
            : new("""{"actions":[{"action":"done","reason":"nothing to do"}]}"""));

        var (outcome, _) = await RunAsync(host, ollama, new PlannerOptions { Goal = "look", VisionModel = "llava" });

        outcome.Reason.ShouldBe(StopReason.Done);
        var requests = ollama.Requests.ToArray();
        requests.Length.ShouldBe(3);
        var vision = requests[1];
        vision.GetProperty("model").GetString().ShouldBe("llava");
        var image = Convert.FromBase64String(vision.GetProperty("messages")[1].GetProperty("images")[0].GetString()!);
        image[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        requests[2].GetProperty("messages")[1].GetProperty("content").GetString()!.ShouldContain("A black screen with nothing to click.");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_DryRun_PrintsThePlanAndActsOnNothing()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("""{"actions":[{"action":"move","x":300,"y":200}]}"""));

        var (outcome, output) = await RunAsync(host, ollama, new PlannerOptions { Goal = "move", DryRun = true }, connect: false);

        outcome.Reason.ShouldBe(StopReason.DryRun);
        output.ShouldContain("""{"action":"move","x":300,"y":200}""");
        (await host.X.XdotoolAsync("getmouselocation")).ShouldNotStartWith("x:300 y:200 ");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_ConfirmSkipThenQuit_ActsOnNothingAndStopsAtThePrompt()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("""{"actions":[{"action":"move","x":300,"y":200}]}"""));
        var answers = new Queue<char>(['n', 'q']);
        var questions = new List<string>();

        var (outcome, _) = await RunAsync(host, ollama, new PlannerOptions { Goal = "move", Confirm = true }, confirm: question =>
        {
            questions.Add(question);
            return answers.Dequeue();
        });

        outcome.Reason.ShouldBe(StopReason.Declined);
        outcome.ExitCode.ShouldBe(130);
        questions.Count.ShouldBe(2);
        questions[0].ShouldContain("""{"action":"move","x":300,"y":200}""");
        (await host.X.XdotoolAsync("getmouselocation")).ShouldNotStartWith("x:300 y:200 ");
    }

    [RequiresToolFact("Xvfb", "xterm", "xdotool")]
    public async Task Run_EachStep_IsRecordedAsAnEvent()
    {
        await using var host = await AgentHost.StartAsync();
        await using var ollama = await StandInOllama.StartAsync((_, n) => n == 1
            ? new("""{"actions":[{"action":"move","x":10,"y":10}]}""")
            : new("""{"actions":[{"action":"done"}]}"""));
        var log = EventLog.Open(new EventLogOptions { Path = Path.Combine(host.Directory, "steps.sqlite"), Sync = EventSync.Normal }, TimeProvider.System);
        var events = new List<NewEvent>();
        log.Committed += batch => { lock (events) { events.AddRange(batch.Select(b => b.Event)); } };

        using (log)
        {
            await RunAsync(host, ollama, new PlannerOptions { Goal = "record me" }, audit: new EventLogAuditTrail(log, TimeProvider.System));
        }

        var step = events.First(e => e.EventType == "agent.step");
        using var data = JsonDocument.Parse(step.Data);
        data.RootElement.GetProperty("goal").GetString().ShouldBe("record me");
        data.RootElement.GetProperty("actions").GetString().ShouldBe("""[{"action":"move","x":10,"y":10}]""");
        data.RootElement.GetProperty("results").GetString()!.ShouldContain("\"success\":true");
        events.ShouldContain(e => e.EventType == "agent.run" && e.Message!.Contains("done", StringComparison.Ordinal));
    }

    private static async Task<(RunOutcome Outcome, string Output)> RunAsync(AgentHost host, StandInOllama ollama, PlannerOptions options, bool connect = true,
        Aura.Core.Events.IAuditTrail? audit = null, Func<string, char>? confirm = null)
    {
        using var http = new HttpClient();
        using var screen = new LocalScreen(DiffSession.Open(host.X.Display, ocrSearchPath: null));
        await using var link = connect ? await AgentLink.ConnectAsync(host.Endpoint, AgentHost.AgentKey, CancellationToken.None) : null;
        var output = new StringWriter();
        var loop = new PlannerLoop(options, new OllamaClient(http, ollama.Url, TimeSpan.FromSeconds(60)), screen, link is null ? null : link.SendAsync, confirm, output, audit);
        var outcome = await loop.RunAsync(CancellationToken.None);
        return (outcome, output.ToString());
    }
}
