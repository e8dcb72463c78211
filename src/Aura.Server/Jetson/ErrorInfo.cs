namespace Aura.Server.Jetson;

/// <summary>JetsonScope's <c>ErrorInfo</c>: a stable code (auth_failed, invalid_control, control_error, invalid_request...) and a message.</summary>
public sealed record ErrorInfo(string Code, string Message);
