namespace Aura.Agent.Planner;

/// <summary>Why the planner loop ended; each has its exit code (see README's agent section).</summary>
public enum StopReason
{
    Done,
    DryRun,
    StepLimit,
    Stuck,
    PlannerError,
    AgentError,
    Interrupted,
    Declined,
}
