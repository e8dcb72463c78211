namespace Aura.Agent.Planner;

/// <summary>`aura agent run`'s settings.</summary>
public sealed record PlannerOptions
{
    public required string Goal { get; init; }

    public string Model { get; init; } = "mistral";

    public string? VisionModel { get; init; } = "llava";

    public int MaxSteps { get; init; } = 20;

    public bool Confirm { get; init; }

    public bool DryRun { get; init; }

    /// <summary>An invalid answer is sent back with the reason at most this many times.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The same plan this many times with no screen change in between stops the run.</summary>
    public int MaxRepeats { get; init; } = 3;
}
