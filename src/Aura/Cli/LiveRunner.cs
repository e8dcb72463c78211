using Aura.Core.Model;
using Aura.Output;
using Aura.Telemetry;

namespace Aura.Cli;

/// <summary>Prints live snapshots: one (`aura`), or one per interval at a fixed cadence (`aura --watch`).</summary>
internal sealed class LiveRunner(LiveRequest request, ISnapshotSource source, TimeProvider clock, LineOutput output) : IDisposable
{
    /// <summary>Rates and CPU shares need two readings; the first printed snapshot comes this long after a baseline.</summary>
    private static readonly TimeSpan BaselineGap = TimeSpan.FromMilliseconds(250);

    private readonly SnapshotJsonLine _json = new();

    /// <summary>Called with every snapshot taken, before it is printed (the DVR records through this).</summary>
    public Action<Snapshot>? OnSnapshot { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        source.Sample();
        var gap = request.Interval < BaselineGap ? request.Interval : BaselineGap;
        await Task.Delay(gap, clock, cancellationToken);
        Emit(source.Sample(), summary: !request.Watch);
        if (!request.Watch)
        {
            return;
        }

        Runtime.StartupPages.ReleaseIfNative();
        var printed = 1;
        using var timer = new PeriodicTimer(request.Interval, clock);
        while ((request.Count is null || printed < request.Count) && await timer.WaitForNextTickAsync(cancellationToken))
        {
            Emit(source.Sample(), summary: false);
            printed++;
        }
    }

    public void Dispose() => _json.Dispose();

    private void Emit(Snapshot snapshot, bool summary)
    {
        OnSnapshot?.Invoke(snapshot);
        if (request.Json)
        {
            output.WriteRaw(_json.Format(snapshot));
            return;
        }

        output.WriteLine(SnapshotText.Line(snapshot));
        if (summary)
        {
            SnapshotText.WriteSummary(output.Text, snapshot);
            output.Flush();
        }
    }
}
