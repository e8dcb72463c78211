using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Portable;

/// <summary>
/// What .NET itself exposes on systems without procfs (macOS, Windows): filesystems, network totals, processes.
/// Everything else is reported in <see cref="Snapshot.Unavailable"/> rather than guessed.
/// </summary>
public sealed class PortableSnapshotSource : ISnapshotSource
{
    private static readonly ImmutableArray<string> Missing =
    [
        "cpu: per-state CPU times need Linux /proc/stat",
        "memory: available memory needs Linux /proc/meminfo",
        "disks: block-device I/O needs Linux /proc/diskstats",
        "thermal: sensors need Linux sysfs",
    ];

    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly PortableProcesses _processes;
    private readonly PortableNetwork _network = new();
    private readonly Jetson.JetsonReader? _jetson;

    public PortableSnapshotSource(SamplerOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _origin = clock.GetTimestamp();
        _processes = new PortableProcesses(options.TopProcesses);
        _jetson = options.Tegrastats is { } tegrastats ? Jetson.JetsonReader.Create(tegrastats, options.Interval, clock) : null;
    }

    public Snapshot Sample()
    {
        var tick = Tick.From(_clock, _origin);
        var totalMemory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new Snapshot
        {
            Timestamp = tick.Time,
            Host = new HostInfo(
                Environment.MachineName,
                System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                Environment.OSVersion.VersionString,
                Environment.TickCount64 / 1000.0,
                null,
                System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(),
                Environment.ProcessorCount),
            Cpu = CpuSection.Empty,
            Memory = new MemorySection(totalMemory, 0, 0, 0, 0, 0, 0),
            Filesystems = ReadDrives(),
            Disks = [],
            Network = _network.Read(tick),
            Thermal = ThermalSection.Empty,
            Processes = _processes.Read(tick, totalMemory),
            Jetson = _jetson?.Read(),
            Unavailable = _jetson is { } jetson ? Missing.AddRange(jetson.Unavailable) : Missing,
        };
    }

    public void Dispose() => _jetson?.Dispose();

    private static ImmutableArray<FilesystemUsage> ReadDrives()
    {
        var drives = ImmutableArray.CreateBuilder<FilesystemUsage>();
        foreach (var drive in DriveInfo.GetDrives())
        {
            try
            {
                if (drive.IsReady && drive.TotalSize > 0 && drive.DriveType is DriveType.Fixed or DriveType.Removable)
                {
                    drives.Add(new FilesystemUsage(
                        drive.Name, drive.RootDirectory.FullName, drive.DriveFormat,
                        drive.TotalSize, drive.TotalFreeSpace, drive.AvailableFreeSpace, drive.TotalSize - drive.TotalFreeSpace));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A drive that disappears or refuses access is skipped, as `df` would.
            }
        }

        return drives.ToImmutable();
    }
}
