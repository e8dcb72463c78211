using System.Runtime.InteropServices;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>
/// A fact that needs a real NVIDIA GPU. Unlike other tool-dependent tests it is skipped, not failed, under CI=true:
/// CI machines have no GPU either, so a missing NVML there is expected rather than a broken environment.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresNvmlFactAttribute : FactAttribute
{
    public RequiresNvmlFactAttribute()
    {
        if (!NativeLibrary.TryLoad(NvmlNative.Library, out _))
        {
            Skip = $"Skipped: no NVIDIA GPU on this machine ({NvmlNative.Library} could not be loaded). "
                + "This test runs wherever NVML is present; it is skipped rather than failed under CI=true because CI has no GPU either.";
        }
    }
}
