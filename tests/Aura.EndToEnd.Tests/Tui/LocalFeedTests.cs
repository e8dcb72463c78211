using Aura.Core.Model;
using Aura.Telemetry;
using Aura.Tui.Data;

namespace Aura.EndToEnd.Tests.Tui;

public sealed class LocalFeedTests
{
    [Fact]
    public async Task Read_SourceFails_ReportedAsAFeedFault_NextReadTriesAgain()
    {
        var source = new FlakySource { FailingSamples = [2] };
        using var feed = new LocalFeed(source, TimeSpan.FromMilliseconds(10), TimeProvider.System);

        var fault = await Should.ThrowAsync<TopFeedException>(() => feed.ReadAsync(CancellationToken.None));
        var next = await feed.ReadAsync(CancellationToken.None);

        fault.Message.ShouldBe("sampling failed: sample 2: a reader met a file it could not parse");
        fault.InnerException.ShouldBeOfType<InvalidDataException>();
        next.ShouldNotBeNull().Host.UptimeSeconds.ShouldBe(3, "the third sample, read after the fault");
    }

    /// <summary>A source whose listed samples throw (the first is the sampler's baseline).</summary>
    private sealed class FlakySource : ISnapshotSource
    {
        private int _samples;

        public required int[] FailingSamples { get; init; }

        public Snapshot Sample()
        {
            _samples++;
            if (Array.IndexOf(FailingSamples, _samples) >= 0)
            {
                throw new InvalidDataException($"sample {_samples}: a reader met a file it could not parse");
            }

            return new Snapshot
            {
                Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(_samples),
                Host = new HostInfo("testhost", "Debian GNU/Linux 12", "6.1.0", _samples, null, "Test CPU", 1),
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
}
