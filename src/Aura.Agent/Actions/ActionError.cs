namespace Aura.Agent.Actions;

/// <summary>Why an action was refused, and which field was wrong (AuraOS's <c>error</c>, plus <c>field</c>).</summary>
public sealed record ActionError(string Error, string Field);
