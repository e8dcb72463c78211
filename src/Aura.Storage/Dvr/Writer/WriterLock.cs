namespace Aura.Storage.Dvr.Writer;

/// <summary>
/// One writer per file: an exclusive lock on "<c>path</c>.lock" (flock on Linux, a share lock on Windows) that the
/// operating system releases when the process dies, so a killed writer never leaves the file locked.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private readonly FileStream _stream;

    private WriterLock(FileStream stream) => _stream = stream;

    public static WriterLock Acquire(string databasePath)
    {
        return Files.WriterLockFile.TryAcquire(databasePath, out var error) is { } stream
            ? new WriterLock(stream)
            : throw new DvrException(error + ".");
    }

    public void Dispose() => _stream.Dispose();
}
