namespace Aura.EndToEnd.Tests;

/// <summary>A DVR on a real read-only file system: `aura serve` exits naming that, not another Aura process.</summary>
public sealed class ReadOnlyDatabaseTests
{
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
