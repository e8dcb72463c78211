namespace Aura.Server.ClaraVerse;

public sealed record ClaraSwap(long Total, long Used, double UsedPercent);
