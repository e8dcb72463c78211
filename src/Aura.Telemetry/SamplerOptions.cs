namespace Aura.Telemetry;

/// <param name="Root">Filesystem root the procfs/sysfs readers read under; "/" except in tests.</param>
/// <param name="TopProcesses">How many processes the top-k keeps.</param>
public sealed record SamplerOptions(string Root = "/", int TopProcesses = 20)
{
    public const int MaxTopProcesses = 1000;

    /// <summary>Time between ticks; tegrastats is asked for lines at this interval.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The tegrastats feed; null for none. The executable picks it from its environment (Aura.Server's AuraSettingsResolver.Sampler).</summary>
    public Jetson.TegrastatsSettings? Tegrastats { get; init; }

    /// <summary>Where to look for GPU tools (nvidia-smi, rocm-smi): the executable's PATH; null for the standard directories only.</summary>
    public string? SearchPath { get; init; }
}
