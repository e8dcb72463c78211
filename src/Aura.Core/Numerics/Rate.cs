namespace Aura.Core.Numerics;

/// <summary>Per-second rates from cumulative counters. No rate on the first sample or after a reset, never a spike.</summary>
public static class Rate
{
    public static double? PerSecond(long previous, long current, double elapsedSeconds) =>
        elapsedSeconds > 0 && current >= previous ? (current - previous) / elapsedSeconds : null;

    public static double? PerSecond(ulong previous, ulong current, double elapsedSeconds) =>
        elapsedSeconds > 0 && current >= previous ? (current - previous) / elapsedSeconds : null;
}
