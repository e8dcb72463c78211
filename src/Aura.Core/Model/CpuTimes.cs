namespace Aura.Core.Model;

/// <summary>
/// Share of elapsed CPU time per state, each in [0, 1], summing to 1.
/// Guest time is already inside user/nice in /proc/stat and is not counted twice.
/// </summary>
public readonly record struct CpuTimes(
    double User,
    double Nice,
    double System,
    double IoWait,
    double Irq,
    double SoftIrq,
    double Steal,
    double Idle)
{
    /// <summary>Everything but idle and iowait: the "CPU usage" users expect.</summary>
    public double Busy => Math.Clamp(1.0 - Idle - IoWait, 0.0, 1.0);
}
