using Aura.Agent.Screen;

namespace Aura.Agent.Actions;

/// <summary>
/// Carries out validated actions on one display, one at a time (the display's lock), through XTest and the in-process
/// capture. <c>wait</c> holds no lock. Each caller keeps its own diff baseline.
/// </summary>
public sealed class ActionExecutor(DisplayAgent display, ScreenshotStore screenshots, TimeProvider clock)
{
    public DisplayAgent Display => display;

    /// <summary>A diff baseline for one client; <c>diff</c> reports what changed since that client's previous one.</summary>
    public sealed class Baseline
    {
        internal GridDiff? Diff { get; set; }
    }

    public async Task<ActionAnswer> ExecuteAsync(AgentAction action, Baseline baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(baseline);
        if (action.Kind == ActionKind.Wait)
        {
            await Task.Delay(TimeSpan.FromSeconds(action.Duration), clock, cancellationToken).ConfigureAwait(false);
            return ActionAnswer.Ok(action.Name);
        }

        await display.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Execute(action, baseline);
        }
        finally
        {
            display.Lock.Release();
        }
    }

    private ActionAnswer Execute(AgentAction action, Baseline baseline)
    {
        var input = display.Input;
        switch (action.Kind)
        {
            case ActionKind.Move:
                input.Move(action.X, action.Y);
                break;
            case ActionKind.Click:
                input.Move(action.X, action.Y);
                input.Click(action.Button, 1);
                break;
            case ActionKind.DoubleClick:
                input.Move(action.X, action.Y);
                input.Click(1, 2);
                break;
            case ActionKind.RightClick:
                input.Move(action.X, action.Y);
                input.Click(3, 1);
                break;
            case ActionKind.Scroll:
                if (action.HasPoint)
                {
                    input.Move(action.X, action.Y);
                }

                input.Click(action.Button, action.Amount);
                break;
            case ActionKind.Type:
                input.Type(action.Text);
                break;
            case ActionKind.Key:
                input.Chord([.. action.Keysyms]);
                break;
            case ActionKind.Screenshot:
                return Screenshot(action);
            case ActionKind.Diff:
                return Diff(action, baseline);
            default:
                return ActionAnswer.Refused(action.Name, new ActionError($"'{action.Name}' cannot be carried out by the action server", "action"));
        }

        return ActionAnswer.Ok(action.Name);
    }

    private ActionAnswer Screenshot(AgentAction action)
    {
        var frame = display.Capture.Capture();
        var png = PngWriter.Encode(frame, new Region(0, 0, frame.Width, frame.Height));
        var path = screenshots.Save(png);
        return ActionAnswer.Ok(action.Name) with
        {
            Path = path,
            Width = frame.Width,
            Height = frame.Height,
            Image = action.Inline ? Convert.ToBase64String(png) : null,
        };
    }

    private ActionAnswer Diff(AgentAction action, Baseline baseline)
    {
        var capture = display.Capture;
        baseline.Diff ??= new GridDiff(capture.Width, capture.Height, DiffSettings.AuraOs);
        baseline.Diff.Compare(capture.Capture());
        return ActionAnswer.Ok(action.Name) with { Diff = DiffReports.From(baseline.Diff, null) };
    }
}
