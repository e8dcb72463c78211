using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry.Commands;
using Aura.Telemetry.Gpu.Amd;
using Aura.Telemetry.Gpu.NvidiaSmi;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Gpu;

/// <summary>
/// Every GPU of the machine, once per tick: NVIDIA first (NVML, or nvidia-smi when NVML cannot be loaded), then AMD
/// (amdgpu sysfs, or rocm-smi when sysfs shows no card). A machine with neither has no GPUs, which is not an error.
/// Not thread-safe: the sampler owns it.
/// </summary>
public sealed class GpuReader : IDisposable
{
    /// <summary>How long one nvidia-smi or rocm-smi run may take before it is killed.</summary>
    public static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the first tick waits for a tool's first answer (later ticks never wait).</summary>
    public static readonly TimeSpan FirstToolWait = TimeSpan.FromSeconds(3);

    private readonly IGpuSource? _nvidia;
    private readonly IGpuSource? _amd;

    internal GpuReader(IGpuSource? nvidia, IGpuSource? amd)
    {
        _nvidia = nvidia;
        _amd = amd;
    }

    /// <summary>A reader with no sources: for platforms and tests that have no GPUs.</summary>
    public static GpuReader None { get; } = new(null, null);

    /// <summary>The sources this machine has.</summary>
    /// <param name="root">The filesystem root amdgpu's sysfs is read under ("/" except in tests).</param>
    /// <param name="clock">Times the tool runs' timeouts.</param>
    /// <param name="path">The PATH nvidia-smi and rocm-smi are looked up on.</param>
    public static GpuReader Create(string root, TimeProvider clock, string? path)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new GpuReader(CreateNvidia(clock, path), CreateAmd(root, clock, path));
    }

    /// <summary>The GPUs now; NVIDIA's indexes first, AMD's continue after them.</summary>
    public ImmutableArray<GpuSample> Read()
    {
        var nvidia = _nvidia?.Read(0) ?? [];
        var next = nvidia.IsEmpty ? 0 : nvidia[^1].Index + 1;
        var amd = _amd?.Read(next) ?? [];
        return amd.IsEmpty ? nvidia : nvidia.IsEmpty ? amd : nvidia.AddRange(amd);
    }

    public void Dispose()
    {
        _nvidia?.Dispose();
        _amd?.Dispose();
    }

    private static IGpuSource? CreateNvidia(TimeProvider clock, string? path)
    {
        if (NvmlLibrary.TryOpen(out _) is { } nvml)
        {
            return new NvmlGpuSource(nvml, nvml);
        }

        return ExecutableSearch.Find("nvidia-smi", path) is { } smi ? new NvidiaSmiSource(smi, clock, ToolTimeout, FirstToolWait) : null;
    }

    private static IGpuSource CreateAmd(string root, TimeProvider clock, string? path)
    {
        var cards = AmdgpuDiscovery.Discover(root);
        var anyCard = cards.Count > 0;
        foreach (var card in cards)
        {
            card.Dispose();
        }

        if (!anyCard && ExecutableSearch.Find("rocm-smi", path) is { } rocm)
        {
            return new RocmSmiSource(rocm, clock, ToolTimeout, FirstToolWait);
        }

        return new AmdgpuSource(root);
    }
}
