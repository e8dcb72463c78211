using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Core.Numerics;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Block device I/O from <c>{root}/proc/diskstats</c>. Reports whole disks only (names listed in
/// <c>{root}/sys/block/</c>, so partitions are excluded), never loop, RAM or zram devices (images and memory, not
/// disks), and not a disk that has completed no read or write since boot (an empty card reader, an unused nbd or
/// md placeholder); it appears with its first I/O. Device-mapper and md volumes are kept, so their I/O is also
/// counted on the disks beneath them. Rates are over the real time between two reads and null on a device's first
/// read or when any counter went backwards. Allocates only the returned array in steady state. Not thread-safe.
/// </summary>
public sealed class DiskIoReader : IDisposable
{
    /// <summary>diskstats counts 512-byte sectors whatever the device's own sector size.</summary>
    private const int SectorBytes = 512;

    private const int MaxNameLength = 64;

    private readonly string _diskstatsPath;
    private readonly string _blockPath;
    private readonly KernelFile _file;
    private byte[] _buffer = new byte[8192];
    private readonly DeviceTable<DiskCounters> _disks;
    private DiskIo[] _scratch = new DiskIo[16];

    public DiskIoReader(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _diskstatsPath = Path.Join(root, "proc", "diskstats");
        _file = new KernelFile(_diskstatsPath);
        _blockPath = Path.Join(root, "sys", "block");
        _disks = new DeviceTable<DiskCounters>(MaxNameLength, name => IsWholeDisk(name) && !IsMemoryOrImage(name));
    }

    public void Dispose() => _file.Dispose();

    public ImmutableArray<DiskIo> Read(Tick tick)
    {
        if (!_file.TryRead(ref _buffer, out var content))
        {
            return [];
        }

        _disks.BeginPass();
        var count = 0;
        foreach (var line in new AsciiLines(content))
        {
            if (!DiskStatsLine.TryParse(line, out var name, out var counters) || !_disks.TryVisit(name, out var state))
            {
                continue;
            }

            if (state.Selected && !counters.IsIdleSinceBoot)
            {
                if (count == _scratch.Length)
                {
                    Array.Resize(ref _scratch, count * 2);
                }

                _scratch[count++] = Sample(state, counters, tick.Monotonic);
            }

            state.Remember(counters, tick.Monotonic);
        }

        _disks.EndPass();

        return ImmutableArray.Create(_scratch, 0, count);
    }

    private static DiskIo Sample(DeviceState<DiskCounters> state, DiskCounters now, TimeSpan at)
    {
        var was = state.Previous;
        var readBytes = now.ReadSectors * SectorBytes;
        var writeBytes = now.WriteSectors * SectorBytes;
        if (!state.TryElapsedSince(at, out var elapsed) || !now.FollowsFrom(was))
        {
            return new DiskIo(state.Name, readBytes, writeBytes, now.ReadOps, now.WriteOps, null, null, null, null, null);
        }

        // io_ticks is milliseconds with at least one request in flight; coarse accounting can overshoot the window.
        var busy = Math.Min(1.0, (now.IoTicksMs - was.IoTicksMs) / (elapsed * 1000));
        return new DiskIo(
            state.Name,
            readBytes,
            writeBytes,
            now.ReadOps,
            now.WriteOps,
            Rate.PerSecond(was.ReadSectors * SectorBytes, readBytes, elapsed),
            Rate.PerSecond(was.WriteSectors * SectorBytes, writeBytes, elapsed),
            Rate.PerSecond(was.ReadOps, now.ReadOps, elapsed),
            Rate.PerSecond(was.WriteOps, now.WriteOps, elapsed),
            busy);
    }

    /// <summary>sysfs spells a '/' in a device name (cciss/c0d0) as '!'.</summary>
    private bool IsWholeDisk(string name) => Directory.Exists(Path.Join(_blockPath, name.Replace('/', '!')));

    private static bool IsMemoryOrImage(string name) =>
        name.StartsWith("loop", StringComparison.Ordinal)
        || name.StartsWith("ram", StringComparison.Ordinal)
        || name.StartsWith("zram", StringComparison.Ordinal);
}
