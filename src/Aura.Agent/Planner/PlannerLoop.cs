using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aura.Agent.Actions;
using Aura.Core.Events;

namespace Aura.Agent.Planner;

/// <summary>
/// Look (capture, diff, summary), plan (Ollama), act (the action server), repeat, until a <c>done</c> action, the step
/// limit, the same plan three times with no screen change, Ctrl-C or a planner error. Unlike AuraOS, a plan is never
/// appended to while it runs, and each step is recorded as an <c>agent.step</c> event.
/// </summary>
public sealed class PlannerLoop(
    PlannerOptions options,
    OllamaClient ollama,
    IScreen screen,
    Func<string, CancellationToken, Task<JsonElement>>? act,
    Func<string, char>? confirm,
    TextWriter output,
    IAuditTrail? audit)
{
    private const int HistoryLines = 8;
    private readonly List<string> _history = [];

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        string? lastPlan = null;
        var repeats = 0;
        var step = 0;
        try
        {
            while (step < options.MaxSteps)
            {
                step++;
                var report = screen.Observe();
                var changed = report.IsFirstFrame || report.ChangedRegions.Count > 0;
                var prompt = Prompt(step, report.Summary);
                var plan = await PlanAsync(prompt, report, cancellationToken).ConfigureAwait(false);
                var key = string.Join('\n', plan.Actions.Select(a => a.Json));
                repeats = key == lastPlan && !changed ? repeats + 1 : 1;
                lastPlan = key;
                if (repeats >= options.MaxRepeats)
                {
                    return await StopAsync(StopReason.Stuck, $"stuck: the planner asked for the same actions {repeats} times and the screen did not change", step, cancellationToken).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"step {step}: {Describe(plan)}").ConfigureAwait(false);
                if (options.DryRun)
                {
                    return await StopAsync(StopReason.DryRun, "dry run: planned one step, acted on nothing", step, cancellationToken).ConfigureAwait(false);
                }

                var ending = await ActAsync(step, plan, cancellationToken).ConfigureAwait(false);
                if (ending is not null)
                {
                    return ending;
                }
            }

            return await StopAsync(StopReason.StepLimit, $"step limit: {options.MaxSteps} steps without a done action", step, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await StopAsync(StopReason.Interrupted, "interrupted", step, CancellationToken.None).ConfigureAwait(false);
        }
        catch (PlannerException e)
        {
            return await StopAsync(StopReason.PlannerError, $"planner error: {e.Message}", step, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AgentException e)
        {
            return await StopAsync(StopReason.AgentError, $"agent error: {e.Message}", step, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<Plan> PlanAsync(string prompt, Screen.DiffReport report, CancellationToken cancellationToken)
    {
        var plan = await AskAsync(prompt, report, cancellationToken).ConfigureAwait(false);
        if (!plan.NeedVision || plan.Actions.Count > 0)
        {
            return plan;
        }

        if (options.VisionModel is null)
        {
            throw new PlannerException("the planner cannot proceed from the text summary and no --vision-model is set");
        }

        var question = plan.Question.Length > 0 ? plan.Question : "Describe what is on the screen, with pixel positions of anything one could click.";
        var seen = await ollama.ChatAsync(options.VisionModel, "You describe screenshots of a Linux desktop precisely and briefly.",
            $"Goal: {options.Goal}\n{question}", screen.Crops(report.ChangedRegions), null, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"vision ({options.VisionModel}): {OneLine(seen)}").ConfigureAwait(false);
        plan = await AskAsync($"{prompt}\nThe vision model looked at the screen and says: {seen}", report, cancellationToken).ConfigureAwait(false);
        return plan.Actions.Count > 0 ? plan : throw new PlannerException("the planner cannot proceed even with the vision model's description");
    }

    private async Task<Plan> AskAsync(string prompt, Screen.DiffReport report, CancellationToken cancellationToken)
    {
        var message = prompt;
        string? error = null;
        for (var attempt = 0; attempt <= options.MaxRetries; attempt++)
        {
            var answer = await ollama.ChatAsync(options.Model, PlanSchema.Instructions, message, null, PlanSchema.Json, cancellationToken).ConfigureAwait(false);
            if (PlanParser.TryParse(answer, report.ScreenWidth, report.ScreenHeight, out var plan, out error))
            {
                return plan!;
            }

            await output.WriteLineAsync($"invalid plan ({error}); asking again").ConfigureAwait(false);
            message = $"{prompt}\nYour previous answer was invalid: {error}. Answer again with valid JSON only.";
        }

        throw new PlannerException($"the planner's answer was invalid {options.MaxRetries + 1} times; last: {error}");
    }

    /// <summary>Carries out a plan; returns the outcome when the run must end.</summary>
    private async Task<RunOutcome?> ActAsync(int step, Plan plan, CancellationToken cancellationToken)
    {
        var results = new List<string>();
        foreach (var planned in plan.Actions)
        {
            if (planned.Action.Kind == ActionKind.Done)
            {
                await RecordStepAsync(step, plan, results, cancellationToken).ConfigureAwait(false);
                return await StopAsync(StopReason.Done, $"done: {(planned.Action.Reason.Length > 0 ? planned.Action.Reason : "the planner says the goal is reached")}", step, cancellationToken).ConfigureAwait(false);
            }

            if (options.Confirm && confirm is not null)
            {
                var choice = confirm($"step {step}: {planned.Json} — run it? [y]es, [n]o (skip), [q]uit ");
                if (choice == 'q')
                {
                    await RecordStepAsync(step, plan, results, cancellationToken).ConfigureAwait(false);
                    return await StopAsync(StopReason.Declined, "stopped at the confirmation prompt", step, cancellationToken).ConfigureAwait(false);
                }

                if (choice != 'y')
                {
                    results.Add("{\"success\":false,\"error\":\"skipped by the user\"}");
                    continue;
                }
            }

            var answer = await act!(planned.Json, cancellationToken).ConfigureAwait(false);
            var text = answer.GetRawText();
            results.Add(text.Length > 2000 ? "{\"success\":true,\"note\":\"answer too long to keep\"}" : text);
            var ok = answer.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
            var line = ok ? $"{planned.Json} -> ok" : $"{planned.Json} -> refused: {(answer.TryGetProperty("error", out var e) ? e.GetString() : "?")}";
            await output.WriteLineAsync($"  {line}").ConfigureAwait(false);
            Remember($"step {step}: {line}");
        }

        await RecordStepAsync(step, plan, results, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private string Prompt(int step, string summary)
    {
        var prompt = new StringBuilder();
        prompt.Append(CultureInfo.InvariantCulture, $"Goal: {options.Goal}\nStep {step} of at most {options.MaxSteps}.\nScreen now: {summary}\n");
        if (_history.Count > 0)
        {
            prompt.Append("Earlier steps:\n");
            foreach (var line in _history)
            {
                prompt.Append(line).Append('\n');
            }
        }

        return prompt.ToString();
    }

    private void Remember(string line)
    {
        _history.Add(line.Length > 300 ? line[..300] : line);
        if (_history.Count > HistoryLines)
        {
            _history.RemoveAt(0);
        }
    }

    private async Task<RunOutcome> StopAsync(StopReason reason, string message, int steps, CancellationToken cancellationToken)
    {
        if (audit is not null)
        {
            var data = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [
                new KeyValuePair<string, string>("goal", options.Goal),
                new KeyValuePair<string, string>("reason", reason.ToString().ToLowerInvariant()),
                new KeyValuePair<string, string>("steps", steps.ToString(CultureInfo.InvariantCulture)),
            ]);
            var level = reason is StopReason.Done or StopReason.DryRun ? EventLevel.Info : EventLevel.Warn;
            await TryRecordAsync(new AuditEvent("agent.run", level, $"agent run ended after {steps} steps: {message}", data), cancellationToken).ConfigureAwait(false);
        }

        return new RunOutcome(reason, message, steps);
    }

    private async Task RecordStepAsync(int step, Plan plan, List<string> results, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return;
        }

        var data = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [
            new KeyValuePair<string, string>("goal", options.Goal),
            new KeyValuePair<string, string>("step", step.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("actions", "[" + string.Join(',', plan.Actions.Select(a => a.Json)) + "]"),
            new KeyValuePair<string, string>("results", "[" + string.Join(',', results) + "]"),
        ]);
        await TryRecordAsync(new AuditEvent("agent.step", EventLevel.Info, $"agent step {step} toward \"{OneLine(options.Goal)}\": {Describe(plan)}", data), cancellationToken).ConfigureAwait(false);
    }

    private async Task TryRecordAsync(AuditEvent e, CancellationToken cancellationToken)
    {
        try
        {
            await audit!.RecordAsync(e, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is IOException or ObjectDisposedException or Aura.Storage.Events.EventLogException)
        {
            await output.WriteLineAsync($"warning: could not record {e.EventType}: {failure.Message}").ConfigureAwait(false);
        }
    }

    private static string Describe(Plan plan) => plan.Actions.Count == 0 ? "(no actions)" : string.Join(", ", plan.Actions.Select(a => a.Json));

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "...";
    }
}
