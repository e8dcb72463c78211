namespace Aura.Server.ClaraVerse;

/// <summary>One GPU with ClaraVerse's flat fields (memory in bytes, power in watts, clocks in MHz). Absent readings are left out, never 0.</summary>
public sealed record ClaraGpu(
    string Name,
    double? Usage,
    long? MemoryTotal,
    long? MemoryUsed,
    long? MemoryFree,
    double? MemoryPercent,
    double? Temperature,
    int? FanSpeed,
    double? PowerDraw,
    int? ClockCore,
    int? ClockMemory);
