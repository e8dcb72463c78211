namespace Aura.Controls;

/// <summary>
/// The outcome of setting a control: its new state, or an error. <see cref="ErrorCode"/> is JetsonScope's
/// (<c>invalid_control</c>, <c>control_error</c>); <see cref="Reason"/> is Aura's finer one (see <see cref="ControlReasons"/>).
/// <see cref="Previous"/> is the value before the change, when known.
/// </summary>
public sealed record ControlResult(ControlInfo? State, string? ErrorCode, string? ErrorMessage, string? Reason = null, string? Previous = null)
{
    public static ControlResult Changed(ControlInfo state, string? previous = null) => new(state, null, null, null, previous);

    public static ControlResult Failed(string code, string message) =>
        new(null, code, message, code == "invalid_control" ? ControlReasons.UnknownControl : ControlReasons.Failed);

    public static ControlResult Refused(string reason, string message) =>
        new(null, reason == ControlReasons.UnknownControl ? "invalid_control" : "control_error", message, reason);
}
