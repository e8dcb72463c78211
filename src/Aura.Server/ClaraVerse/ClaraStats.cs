using System.Collections.Immutable;

namespace Aura.Server.ClaraVerse;

/// <summary>ClaraVerse's <c>/api/stats</c> body, field for field (its Go <c>SystemStats</c>), built as a view of a snapshot.</summary>
public sealed record ClaraStats(
    ClaraCpu Cpu,
    ClaraMemory Memory,
    ImmutableArray<ClaraDisk> Disk,
    ClaraNetwork Network,
    ImmutableArray<ClaraGpu> Gpu,
    ImmutableArray<ClaraProcess> Processes,
    long Uptime,
    DateTimeOffset Timestamp);
