namespace Aura.Storage.Files;

/// <summary>
/// The exclusive "<c>path</c>.lock" that makes one process the writer of a database. When it cannot be taken, the
/// message names the real cause: another writer holds it, or the file cannot be opened at all (a read-only file
/// system, no permission), which is not another writer's fault.
/// </summary>
public static class WriterLockFile
{
    /// <summary>The held lock, or an error message in <paramref name="error"/> when it cannot be taken.</summary>
    public static FileStream? TryAcquire(string databasePath, out string error)
    {
        var path = databasePath + ".lock";
        try
        {
            error = "";
            return new FileStream(path, PrivateFiles.LockFile());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = IsLockConflict(e)
                ? $"{databasePath} is already open for writing by another Aura process (lock file {path})"
                : $"cannot open {databasePath} for writing: its lock file {path} cannot be opened ({Reason(e)})";
            return null;
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ when e.HResult == ReadOnlyFileSystem => "the file system is read-only",
        _ => e.Message,
    };

    // .NET puts the raw errno of a failed open or lock into the exception's HResult: EROFS and EWOULDBLOCK on Linux.
    private const int ReadOnlyFileSystem = 30;
    private const int WouldBlock = 11;

    /// <summary>Only a refused exclusive lock means another writer; a file that cannot be opened at all is another problem.</summary>
    private static bool IsLockConflict(Exception e) =>
        e is IOException && (e.HResult == WouldBlock || e.Message.Contains("used by another process", StringComparison.Ordinal));
}
