namespace Aura.Tui;

/// <summary>An action waiting for the user's y/n (a control change, a signal to a process).</summary>
internal sealed record PendingAction(string Question, Func<CancellationToken, Task<string>> Run);
