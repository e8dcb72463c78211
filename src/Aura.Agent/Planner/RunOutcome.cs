namespace Aura.Agent.Planner;

/// <summary>How a run ended, in one line.</summary>
public sealed record RunOutcome(StopReason Reason, string Message, int Steps)
{
    public int ExitCode => Reason switch
    {
        StopReason.Done or StopReason.DryRun => 0,
        StopReason.PlannerError or StopReason.AgentError => 1,
        StopReason.StepLimit => 3,
        StopReason.Stuck => 4,
        StopReason.Interrupted or StopReason.Declined => 130,
        _ => 1,
    };
}
