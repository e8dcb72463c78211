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
        var path = databasePath + ".lock";
        try
        {
            return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new DvrException($"{databasePath} is already open for writing by another Aura process (lock file {path}).", e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
