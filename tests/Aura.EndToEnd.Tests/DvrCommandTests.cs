using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Aura.EndToEnd.Tests;

public sealed class DvrCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-e2e-dvr-");

    private string Db => Path.Combine(_directory.FullName, "telemetry.sqlite");

    [Fact]
    public async Task Latest_AfterWatch_ReadsBackThePrintedTicksAscending()
    {
        var live = await AuraProcess.RunAsync(_directory.FullName, "--watch", "--count", "4", "--interval", "0.2", "--json", "--db-path", Db);
        live.ExitCode.ShouldBe(0, live.Stderr);
        var printed = live.Lines.Select(Timestamp).ToArray();

        var back = await AuraProcess.RunAsync(_directory.FullName, "--latest", "3", "--json", "--db-path", Db);

        back.ExitCode.ShouldBe(0, back.Stderr);
        back.Lines.Select(Timestamp).ToArray().ShouldBe(printed[1..]);
        using var first = JsonDocument.Parse(back.Lines[0]);
        first.RootElement.GetProperty("series").GetProperty("aura_memory_total_bytes").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SinceUntil_Text_PrintsOnlyTicksInTheWindow()
    {
        var live = await AuraProcess.RunAsync(_directory.FullName, "--watch", "--count", "3", "--interval", "0.3", "--json", "--db-path", Db);
        live.ExitCode.ShouldBe(0, live.Stderr);
        var times = live.Lines.Select(Timestamp).ToArray();

        var window = await AuraProcess.RunAsync(_directory.FullName, "--since", Epoch(times[1]), "--until", Epoch(times[2]), "--db-path", Db);

        window.ExitCode.ShouldBe(0, window.Stderr);
        window.Lines.Count.ShouldBe(2);
        window.Lines[0].ShouldEndWith($"ts={Epoch(times[1])}");
        window.Lines[1].ShouldEndWith($"ts={Epoch(times[2])}");
    }

    [Fact]
    public async Task NoPersist_Watch_WritesNoDatabase()
    {
        var live = await AuraProcess.RunAsync(_directory.FullName, "--watch", "--count", "1", "--no-persist", "--db-path", Db);

        live.ExitCode.ShouldBe(0, live.Stderr);
        File.Exists(Db).ShouldBeFalse();
    }

    [Fact]
    public async Task ExplicitUnusablePath_ExitsTwoNamingIt()
    {
        var result = await AuraProcess.RunAsync(_directory.FullName, "--db-path", "/proc/aura-cannot-write-here/telemetry.sqlite");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--db-path");
        result.Stderr.ShouldContain("/proc/aura-cannot-write-here/telemetry.sqlite");
    }

    [Fact]
    public async Task DefaultUnusablePath_WarnsOnceAndKeepsPrintingLive()
    {
        var result = await AuraProcess.RunAsync(_directory.FullName, new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "/proc/aura-no-data-home" }, ["--watch", "--count", "2", "--interval", "0.1"]);

        result.ExitCode.ShouldBe(0);
        result.Lines.Count.ShouldBe(2);
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        result.Stderr.ShouldContain("warning");
    }

    [Fact]
    public async Task DbStatsJson_AfterRecording_CountsSamplesAndBytes()
    {
        (await AuraProcess.RunAsync(_directory.FullName, "--watch", "--count", "2", "--interval", "0.2", "--db-path", Db)).ExitCode.ShouldBe(0);

        var stats = await AuraProcess.RunAsync(_directory.FullName, "db", "stats", "--json", "--db-path", Db);

        stats.ExitCode.ShouldBe(0, stats.Stderr);
        using var json = JsonDocument.Parse(stats.Stdout);
        json.RootElement.GetProperty("samples").GetInt64().ShouldBeGreaterThan(2 * 40);
        json.RootElement.GetProperty("bytes").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task DbImport_LegacyPythonDatabase_RowsReadBack()
    {
        var legacy = Path.Combine(_directory.FullName, "legacy.sqlite");
        using (var connection = new SqliteConnection($"Data Source={legacy};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE snapshots(timestamp REAL PRIMARY KEY, cpu_percent REAL, memory_percent REAL);
                INSERT INTO snapshots VALUES (1700000000.5, 12.5, 40.0), (1700000001.5, 99.0, 41.5);
                """;
            create.ExecuteNonQuery();
        }

        var import = await AuraProcess.RunAsync(_directory.FullName, "db", "import", legacy, "--db-path", Db);
        var back = await AuraProcess.RunAsync(_directory.FullName, "--since", "1700000000", "--until", "1700000002", "--db-path", Db);

        import.ExitCode.ShouldBe(0, import.Stderr);
        import.Stdout.ShouldContain("imported 2 rows");
        back.Lines.ShouldBe(["cpu=12.5% mem=40.0% ts=1700000000.500", "cpu=99.0% mem=41.5% ts=1700000001.500"]);
    }

    [Fact]
    public async Task DbCommands_PathFromEnvironmentOrConfigFile_UseThatDatabase()
    {
        (await AuraProcess.RunAsync(_directory.FullName, "--watch", "--count", "2", "--interval", "0.2", "--db-path", Db)).ExitCode.ShouldBe(0);
        var config = Path.Combine(_directory.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, "[persistence]\ndb_path = 'telemetry.sqlite'\n");

        var fromEnvironment = await AuraProcess.RunAsync(_directory.FullName, new Dictionary<string, string?> { ["AURA_DB_PATH"] = Db }, ["db", "stats", "--json"]);
        var fromConfig = await AuraProcess.RunAsync(_directory.FullName, "db", "stats", "--json", "--config", config);
        var vacuum = await AuraProcess.RunAsync(_directory.FullName, new Dictionary<string, string?> { ["AURA_CONFIG"] = config }, ["db", "vacuum"]);

        fromEnvironment.ExitCode.ShouldBe(0, fromEnvironment.Stderr);
        fromConfig.ExitCode.ShouldBe(0, fromConfig.Stderr);
        vacuum.ExitCode.ShouldBe(0, vacuum.Stderr);
        using var environmentJson = JsonDocument.Parse(fromEnvironment.Stdout);
        using var configJson = JsonDocument.Parse(fromConfig.Stdout);
        environmentJson.RootElement.GetProperty("samples").GetInt64().ShouldBeGreaterThan(2 * 40);
        configJson.RootElement.GetProperty("samples").GetInt64().ShouldBe(environmentJson.RootElement.GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task DbStats_MissingExplicitDatabase_ExitsTwo()
    {
        var result = await AuraProcess.RunAsync(_directory.FullName, "db", "stats", "--db-path", Db);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(Db);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static double Timestamp(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("timestamp").GetDouble();
    }

    private static string Epoch(double seconds) => seconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
