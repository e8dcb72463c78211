using Aura.Core.Model;
using Aura.Storage.Dvr;

namespace Aura.Server.Sampling;

/// <summary>
/// Records every tick into the DVR. Appending only copies integers into memory; the writer's own loop flushes to
/// SQLite, and <see cref="FlushAsync"/> writes the rest when the server stops. The caller owns (and disposes) the writer.
/// </summary>
public sealed class DvrRecorder(DvrWriter writer) : ISnapshotRecorder
{
    /// <summary>The writer, whose failures the server's health reports.</summary>
    public DvrWriter Writer => writer;

    public void Record(Snapshot snapshot) => writer.Append(snapshot);

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        writer.Flush();
        return ValueTask.CompletedTask;
    }
}
