namespace Aura.Storage.Files;

/// <summary>
/// Database files hold what users record (events may carry secrets), so Aura creates them readable by their owner
/// only (0600). SQLite creates a database's -wal and -shm files with the database file's permissions, so creating
/// the database file first, empty and private, covers those too. Files that already exist keep their owner and group
/// bits (an administrator may have granted a group) but lose any access for everyone else.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="databasePath"/> empty and 0600 when missing; takes others' access away from it and its -wal and -shm otherwise.</summary>
    public static void Prepare(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(databasePath))
        {
            try
            {
                using var created = new FileStream(databasePath, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = Mode,
                });
            }
            catch (IOException) when (File.Exists(databasePath))
            {
                // Created by someone else in the meantime; treat it as an existing file.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot create {databasePath}: {e.Message}", e);
            }
        }

        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + ".lock" })
        {
            Restrict(path);
        }
    }

    /// <summary>Options for a side file (a lock) that must be as private as the database.</summary>
    public static FileStreamOptions LockFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        return options;
    }

    private static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & Others) != 0)
            {
                File.SetUnixFileMode(path, mode & ~Others);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's file, or a read-only file system: opening it will say what is wrong, if anything is.
        }
    }
}
