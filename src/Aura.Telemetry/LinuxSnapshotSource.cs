using Aura.Core.Model;
using Aura.Telemetry.Gpu;
using Aura.Telemetry.Jetson;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry;

/// <summary>Every Linux source read once per tick from one root.</summary>
public sealed class LinuxSnapshotSource : ISnapshotSource
{
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly HostReader _host;
    private readonly CpuReader _cpu;
    private readonly MemoryReader _memory;
    private readonly FilesystemReader _filesystems;
    private readonly DiskIoReader _disks;
    private readonly NetworkReader _network;
    private readonly ThermalReader _thermal;
    private readonly ProcessReader _processes;
    private readonly GpuReader _gpus;
    private readonly JetsonReader? _jetson;

    public LinuxSnapshotSource(SamplerOptions options, TimeProvider clock, IFilesystemStats filesystemStats)
        : this(options, clock, filesystemStats, GpuReader.Create(options?.Root ?? "/", clock, options?.SearchPath))
    {
    }

    /// <param name="options">The root and the top-k size.</param>
    /// <param name="clock">Stamps the ticks.</param>
    /// <param name="filesystemStats">statvfs, or a fake.</param>
    /// <param name="gpus">The GPU sources; disposed with this source.</param>
    public LinuxSnapshotSource(SamplerOptions options, TimeProvider clock, IFilesystemStats filesystemStats, GpuReader gpus)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _origin = clock.GetTimestamp();
        _host = new HostReader(options.Root);
        _cpu = new CpuReader(options.Root);
        _memory = new MemoryReader(options.Root);
        _filesystems = new FilesystemReader(options.Root, filesystemStats);
        _disks = new DiskIoReader(options.Root);
        _network = new NetworkReader(options.Root);
        _thermal = new ThermalReader(options.Root);
        _processes = new ProcessReader(options.Root, options.TopProcesses);
        _gpus = gpus;
        _jetson = options.Tegrastats is { } tegrastats ? JetsonReader.Create(tegrastats, options.Interval, clock) : null;
    }

    public Snapshot Sample()
    {
        var tick = Tick.From(_clock, _origin);
        var memory = _memory.Read();
        var gpus = _gpus.Read();
        return new Snapshot
        {
            Timestamp = tick.Time,
            Host = _host.Read(),
            Cpu = _cpu.Read(tick),
            Memory = memory,
            Filesystems = _filesystems.Read(),
            Disks = _disks.Read(tick),
            Network = _network.Read(tick),
            Thermal = _thermal.Read(),
            Processes = ProcessGpuMemory.Join(_processes.Read(tick, memory.TotalBytes), gpus),
            Gpus = gpus,
            Jetson = _jetson?.Read(),
            Unavailable = _jetson?.Unavailable ?? [],
        };
    }

    public void Dispose()
    {
        _cpu.Dispose();
        _memory.Dispose();
        _disks.Dispose();
        _network.Dispose();
        _processes.Dispose();
        _gpus.Dispose();
        _jetson?.Dispose();
    }
}
