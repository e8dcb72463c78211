namespace Aura.Controls;

/// <summary>Why a control was not set; also the <c>code</c> of the HTTP error and of the audit event.</summary>
public static class ControlReasons
{
    public const string UnknownControl = "unknown_control";
    public const string Unsupported = "unsupported";
    public const string InvalidValue = "invalid_value";
    public const string RequiresRoot = "requires_root";
    public const string Failed = "control_failed";
    public const string Unauthorised = "unauthorised";
}
