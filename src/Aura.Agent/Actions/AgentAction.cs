namespace Aura.Agent.Actions;

/// <summary>One validated action. Only the fields its kind uses are set.</summary>
public sealed record AgentAction(ActionKind Kind, string Name)
{
    public int X { get; init; }

    public int Y { get; init; }

    /// <summary>True when X and Y were given (scroll may omit them).</summary>
    public bool HasPoint { get; init; }

    public string Text { get; init; } = "";

    /// <summary>The key or combination as sent, normalised to lower case (e.g. <c>ctrl+c</c>).</summary>
    public string Key { get; init; } = "";

    public IReadOnlyList<ulong> Keysyms { get; init; } = [];

    public uint Button { get; init; } = 1;

    public int Amount { get; init; } = 1;

    public double Duration { get; init; }

    /// <summary>Screenshot: return the PNG in the answer as well as the file.</summary>
    public bool Inline { get; init; }

    /// <summary>Done: why the planner says the goal is reached.</summary>
    public string Reason { get; init; } = "";
}
