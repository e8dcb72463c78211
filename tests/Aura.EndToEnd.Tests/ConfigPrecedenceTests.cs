namespace Aura.EndToEnd.Tests;

public sealed class ConfigPrecedenceTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-e2e-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Environment_BadRetention_ExitsTwoNamingTheVariable()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["AURA_RETENTION_SECONDS"] = "soon" }, []);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("AURA_RETENTION_SECONDS");
    }

    [Fact]
    public async Task Flag_OverridesBadEnvironment_StillReportsTheBrokenVariable()
    {
        // Every source is validated, so a broken setting is caught even while a flag overrides it.
        var result = await AuraProcess.RunAsync(_home.FullName, new Dictionary<string, string?> { ["AURA_RETENTION_SECONDS"] = "soon" }, ["--retention-seconds", "60"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("AURA_RETENTION_SECONDS");
    }

    [Fact]
    public async Task ConfigFile_WrongType_ExitsTwoNamingFileAndLine()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("aura-e2e-config-").FullName, "aura.toml");
        await File.WriteAllTextAsync(config, "[persistence]\n# where the DVR lives\ndb_path = 42\n");

        var result = await AuraProcess.RunAsync(_home.FullName, ["--config", config]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(config);
        result.Stderr.ShouldContain("line 3");
        result.Stderr.ShouldContain("persistence.db_path");
    }

    [Fact]
    public async Task ConfigFlag_MissingFile_ExitsTwo()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, ["--config", "/nonexistent/aura.toml"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("/nonexistent/aura.toml");
    }
}
