namespace Aura.Core.Model;

/// <summary>The values of <see cref="GpuSample.Source"/>.</summary>
public static class GpuSources
{
    public const string Nvml = "nvml";
    public const string NvidiaSmi = "nvidia-smi";
    public const string Amdgpu = "amdgpu";
    public const string RocmSmi = "rocm-smi";
}
