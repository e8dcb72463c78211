using Aura.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Telemetry.Tests.Sampling;

/// <summary>
/// A source that stamps each snapshot with the clock's time and counts them; it can fail one sample, and take a
/// while (moving the fake clock) as a slow device would.
/// </summary>
internal sealed class CountingSource(FakeTimeProvider clock, int failOnSample = 0) : ISnapshotSource
{
    public int Samples { get; private set; }

    /// <summary>How far each sample moves the clock (only for a sample read outside the sampler's timer).</summary>
    public TimeSpan Takes { get; set; }

    public Snapshot Sample()
    {
        Samples++;
        if (Samples == failOnSample)
        {
            throw new InvalidDataException($"sample {Samples}: a reader met a file it could not parse");
        }

        var time = clock.GetUtcNow();
        if (Takes > TimeSpan.Zero)
        {
            clock.Advance(Takes);
        }
        return new Snapshot
        {
            Timestamp = time,
            Host = new HostInfo("testhost", "Debian GNU/Linux 12", "6.1.0", Samples, null, "Test CPU", 1),
            Cpu = CpuSection.Empty,
            Memory = new MemorySection(1L << 30, 1L << 29, 1L << 29, 0, 0, 0, 0),
            Filesystems = [],
            Disks = [],
            Network = NetworkSection.Empty,
            Thermal = ThermalSection.Empty,
            Processes = [],
        };
    }

    public void Dispose()
    {
        // Nothing held.
    }
}
