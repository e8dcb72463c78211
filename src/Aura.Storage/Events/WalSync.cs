namespace Aura.Storage.Events;

/// <summary>Flushes the event log's write-ahead log to disk (fsync); the sync thread calls it once per round of commits.</summary>
internal class WalSync(string walPath) : IDisposable
{
    private FileStream? _file;

    public virtual void Flush()
    {
        // fsync reaches the file whatever descriptor asks; this one only ever flushes, never writes.
        _file ??= new FileStream(walPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _file.Flush(flushToDisk: true);
    }

    public virtual void Dispose() => _file?.Dispose();
}
