namespace Aura.EndToEnd.Tests;

/// <summary>A fact about the nvidia-smi fallback: skipped, with the reason, on a machine whose NVML loads (Aura then never runs nvidia-smi).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SkippableWithoutNvidiaSmiFallbackFactAttribute : FactAttribute
{
    public SkippableWithoutNvidiaSmiFallbackFactAttribute()
    {
        if (StandInNvidiaSmi.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
