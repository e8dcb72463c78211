using System.Runtime.InteropServices;

namespace Aura.EndToEnd.Tests.Gpu;

/// <summary>A fact about the nvidia-smi fallback: skipped, with the reason, where NVML loads (Aura then reads the real GPU and never runs nvidia-smi).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NvidiaSmiFallbackFactAttribute : FactAttribute
{
    public NvidiaSmiFallbackFactAttribute()
    {
        if (NativeLibrary.TryLoad("libnvidia-ml.so.1", out _))
        {
            Skip = "libnvidia-ml.so.1 loads here, so Aura uses NVML and the nvidia-smi stand-in is never run";
        }
    }
}
