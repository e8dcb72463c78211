namespace Aura.Server.Jetson;

/// <summary>JetsonScope's request variants.</summary>
public enum SocketRequestKind
{
    GetStats,
    GetMeta,
    ListControls,
    GetHealth,
    SetControl,
}
