namespace Aura.Server.Controls;

/// <summary>The outcome of setting a control: its new state, or an error code (JetsonScope's: invalid_control, control_error) and message.</summary>
public sealed record ControlResult(ControlInfo? State, string? ErrorCode, string? ErrorMessage)
{
    public static ControlResult Changed(ControlInfo state) => new(state, null, null);

    public static ControlResult Failed(string code, string message) => new(null, code, message);
}
