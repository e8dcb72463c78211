using Aura.Core.Model;
using Aura.Output;
using Aura.Telemetry;
using Aura.Telemetry.Sampling;

namespace Aura.Cli;

/// <summary>Prints live snapshots: one (`aura`), or one per interval at a fixed cadence (`aura --watch`).</summary>
internal sealed class LiveRunner(LiveRequest request, ISnapshotSource source, TimeProvider clock, LineOutput output) : IDisposable
{
    private readonly SnapshotJsonLine _json = new();

    /// <summary>Called with every snapshot taken, before it is printed (the DVR records through this).</summary>
    public Action<Snapshot>? OnSnapshot { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var printed = 0;
        await foreach (var reading in new Sampler(source, clock).ReadingsAsync(request.Interval, cancellationToken))
        {
            Emit(reading.SnapshotOrThrow(), summary: !request.Watch);
            printed++;
            if (!request.Watch || printed >= request.Count)
            {
                return;
            }

            if (printed == 1)
            {
                Runtime.CleanPages.ReleaseIfNative();
            }
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
