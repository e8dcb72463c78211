using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Aura.Core.Model;

/// <summary>
/// One tick of telemetry: immutable, shared by every consumer (CLI, DVR, HTTP, socket).
/// A section is empty or null when its source is unavailable on this machine; <see cref="Unavailable"/> names why.
/// </summary>
public sealed record Snapshot
{
    /// <summary>When the tick was taken. Written as "time" in JSON: "timestamp" is the seed's epoch-seconds key.</summary>
    [JsonPropertyName("time")]
    public required DateTimeOffset Timestamp { get; init; }
    public required HostInfo Host { get; init; }
    public required CpuSection Cpu { get; init; }
    public required MemorySection Memory { get; init; }
    public required ImmutableArray<FilesystemUsage> Filesystems { get; init; }
    public required ImmutableArray<DiskIo> Disks { get; init; }
    public required NetworkSection Network { get; init; }
    public required ThermalSection Thermal { get; init; }
    public required ImmutableArray<ProcessSample> Processes { get; init; }

    /// <summary>NVIDIA and AMD GPUs; empty when there are none (never a made-up entry), also when JSON without "gpus" is read.</summary>
    public ImmutableArray<GpuSample> Gpus
    {
        get => _gpus;
        init => _gpus = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<GpuSample> _gpus = [];

    /// <summary>The latest tegrastats reading (on a Jetson, or from JETSONSCOPE_STATS_CMD); null elsewhere.</summary>
    public JetsonSection? Jetson { get; init; }

    /// <summary>Screen activity on the display the desktop agent watches (<c>[agent]</c> in aura.toml); null otherwise.</summary>
    public ScreenSection? Screen { get; init; }

    /// <summary>Sections this platform cannot report, as "section: reason".</summary>
    public ImmutableArray<string> Unavailable { get; init; } = [];
}
