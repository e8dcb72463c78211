using Aura.Server.Tests.Support;
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

    [ReadOnlyMountFact]
    public async Task Serve_DvrOnReadOnlyFileSystem_ExitsWithTheReadOnlyCause()
    {
        using var mount = ReadOnlyMount.Create();
        var home = Directory.CreateTempSubdirectory("aura-ro-home-");
        try
        {
            var database = Path.Combine(mount.Path, "t.sqlite");

            var (exitCode, _, stderr) = await AuraProcess.RunAsync(home.FullName, "serve", "--port", "0", "--db-path", database,
                "--socket", Path.Combine(home.FullName, "s.sock"), "--events-path", Path.Combine(home.FullName, "e.sqlite"));

            exitCode.ShouldBe(2, stderr);
            stderr.ShouldContain($"cannot open {database} for writing");
            stderr.ShouldContain("the file system is read-only");
            stderr.ShouldNotContain("another Aura process");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
