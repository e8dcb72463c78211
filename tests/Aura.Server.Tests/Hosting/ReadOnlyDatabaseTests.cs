using Aura.Storage.Files;

namespace Aura.Server.Tests.Hosting;

/// <summary>A database on a real read-only file system: the error names that, not another Aura process.</summary>
public sealed class ReadOnlyDatabaseTests
{
    [ReadOnlyMountFact]
    public void TryAcquire_DatabaseOnReadOnlyFileSystem_NamesTheReadOnlyFileSystem()
    {
        using var mount = ReadOnlyMount.Create();
        var database = Path.Combine(mount.Path, "aura.sqlite");

        using var held = WriterLockFile.TryAcquire(database, out var error);

        held.ShouldBeNull();
        error.ShouldBe($"cannot open {database} for writing: its lock file {database}.lock cannot be opened (the file system is read-only)");
        error.ShouldNotContain("another Aura process");
    }
}
