namespace Aura.Server.ClaraVerse;

/// <summary>Bytes, and percent used.</summary>
public sealed record ClaraMemory(long Total, long Available, long Used, double UsedPercent, ClaraSwap Swap);
