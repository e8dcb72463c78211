using Aura.Core.Model;

namespace Aura.Server.Sampling;

/// <summary>
/// One published tick: the snapshot, its number since the server started, and the renderings every client shares.
/// Each rendering is made once, by whichever client asks first, and then served as the same bytes to all of them.
/// </summary>
public sealed class TickFrame
{
    private readonly Lock _gate = new();
    private byte[]? _claraStats;
    private byte[]? _snapshotJson;
    private byte[]? _metrics;

    internal TickFrame(Snapshot snapshot, long tick, TimeSpan sampleDuration)
    {
        Snapshot = snapshot;
        Tick = tick;
        SampleDuration = sampleDuration;
    }

    public Snapshot Snapshot { get; }

    /// <summary>1 for the first snapshot the server published, then one more per tick.</summary>
    public long Tick { get; }

    /// <summary>How long the source took to take this snapshot.</summary>
    public TimeSpan SampleDuration { get; }

    internal byte[] ClaraStats(Func<TickFrame, byte[]> render) => Once(ref _claraStats, render);

    internal byte[] SnapshotJson(Func<TickFrame, byte[]> render) => Once(ref _snapshotJson, render);

    internal byte[] Metrics(Func<TickFrame, byte[]> render) => Once(ref _metrics, render);

    private byte[] Once(ref byte[]? slot, Func<TickFrame, byte[]> render)
    {
        var rendered = Volatile.Read(ref slot);
        if (rendered is not null)
        {
            return rendered;
        }

        lock (_gate)
        {
            rendered = slot;
            if (rendered is null)
            {
                rendered = render(this);
                Volatile.Write(ref slot, rendered);
            }

            return rendered;
        }
    }
}
