using System.Runtime.InteropServices;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>A fact about a machine without NVIDIA's driver: skipped, with the reason, where libnvidia-ml.so.1 loads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutNvmlFactAttribute : FactAttribute
{
    public WithoutNvmlFactAttribute()
    {
        if (NativeLibrary.TryLoad(NvmlNative.Library, out _))
        {
            Skip = $"{NvmlNative.Library} loads on this machine; {nameof(RequiresNvmlFactAttribute)} tests cover it";
        }
    }
}
