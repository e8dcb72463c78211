namespace Aura.Server.Jetson;

/// <summary>One request on the UNIX socket; <see cref="Control"/>, <see cref="Value"/> and <see cref="Token"/> belong to SetControl.</summary>
public sealed record SocketRequest(SocketRequestKind Kind, string? Control = null, string? Value = null, string? Token = null)
{
    public static SocketRequest GetStats { get; } = new(SocketRequestKind.GetStats);

    public static SocketRequest GetMeta { get; } = new(SocketRequestKind.GetMeta);

    public static SocketRequest ListControls { get; } = new(SocketRequestKind.ListControls);

    public static SocketRequest GetHealth { get; } = new(SocketRequestKind.GetHealth);

    public static SocketRequest SetControl(string control, string value, string? token) => new(SocketRequestKind.SetControl, control, value, token);
}
