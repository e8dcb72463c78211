namespace Aura.Server.ClaraVerse;

/// <summary>Cumulative totals since boot over every interface but loopback, as ClaraVerse reported them.</summary>
public sealed record ClaraNetwork(long BytesSent, long BytesRecv, long PacketsSent, long PacketsRecv);
