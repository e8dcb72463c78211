using System.Collections.Immutable;

namespace Aura.Core.Model;

/// <summary>
/// The bits of NVML's clocks throttle reasons (nvidia-smi's <c>clocks_throttle_reasons.active</c> is the same mask),
/// with the names Aura reports them under.
/// </summary>
public static class GpuThrottleReasons
{
    public static ImmutableArray<(ulong Bit, string Name)> Known { get; } =
    [
        (0x1, "gpu_idle"),
        (0x2, "applications_clocks_setting"),
        (0x4, "sw_power_cap"),
        (0x8, "hw_slowdown"),
        (0x10, "sync_boost"),
        (0x20, "sw_thermal_slowdown"),
        (0x40, "hw_thermal_slowdown"),
        (0x80, "hw_power_brake_slowdown"),
        (0x100, "display_clock_setting"),
    ];

    /// <summary>The names of the known bits set in <paramref name="mask"/>, in bit order.</summary>
    public static ImmutableArray<string> Names(ulong mask)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var (bit, name) in Known)
        {
            if ((mask & bit) != 0)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }
}
