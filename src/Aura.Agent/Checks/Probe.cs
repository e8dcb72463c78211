namespace Aura.Agent.Checks;

/// <summary>A named check: null when healthy, else what is wrong in one line.</summary>
public sealed record Probe(string Name, Func<CancellationToken, Task<string?>> Run);
