namespace Aura.Server.Socket;

/// <summary>JetsonScope's request variants.</summary>
public enum SocketRequestKind
{
    GetStats,
    GetMeta,
    ListControls,
    GetHealth,
    SetControl,
}
