namespace Aura.Telemetry.Linux;

/// <summary>The machine-wide lines of one read of /proc/stat; null where the line was missing or unparseable.</summary>
internal readonly record struct CpuStatTotals(CpuJiffies? Total, ulong? ContextSwitches, int? ProcsRunning, int? ProcsBlocked)
{
    public bool IsEmpty => Total is null && ContextSwitches is null && ProcsRunning is null && ProcsBlocked is null;
}
