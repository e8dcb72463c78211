using System.Globalization;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Dvr;

public sealed class LegacyImportTests : IDisposable
{
    private const double T0 = 1_763_000_000.123456;
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_763_000_000).AddDays(1));

    public void Dispose() => _dvr.Dispose();

    public static TheoryData<string> LegacyForms => new()
    {
        "CREATE TABLE snapshots(timestamp REAL PRIMARY KEY, cpu_percent REAL NOT NULL, memory_percent REAL NOT NULL)",
        "CREATE TABLE snapshots(id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp REAL NOT NULL, cpu_percent REAL NOT NULL, memory_percent REAL NOT NULL); CREATE INDEX idx_snapshots_timestamp ON snapshots(timestamp)",
    };

    [Theory]
    [MemberData(nameof(LegacyForms))]
    public void Open_PythonAuraDatabase_ImportsEveryRowAndKeepsTheTable(string schema)
    {
        var rows = CreateLegacy(_dvr.Path, schema, 500, T0);

        using (var reader = DvrReader.Open(_dvr.Path))
        {
            var ticks = reader.Range(null, null);
            ticks.Count.ShouldBe(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                ticks[i].Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(rows[i].Time * 1000)));
                ticks[i].CpuPercent.ShouldBe(Math.Round(rows[i].Cpu, 2));
                ticks[i].MemoryPercent.ShouldBe(Math.Round(rows[i].Memory, 2));
            }
        }

        Query(_dvr.Path, "SELECT COUNT(*) FROM snapshots").ShouldBe(500L, "the legacy rows are kept");
        using (DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock))
        {
        }

        using var again = DvrReader.Open(_dvr.Path);
        again.Range(null, null).Count.ShouldBe(500, "opening again does not import twice");
    }

    [Fact]
    public void Import_IntoDvrWithNewerData_PrependsOlderRowsAndSkipsTheRest()
    {
        var legacy = _dvr.Sibling("old.sqlite");
        CreateLegacy(legacy, "CREATE TABLE snapshots(timestamp REAL PRIMARY KEY, cpu_percent REAL, memory_percent REAL)", 200, T0);
        var firstNew = DateTimeOffset.FromUnixTimeMilliseconds((long)(T0 * 1000)).AddSeconds(150);
        DvrImportResult result;
        using (var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock))
        {
            writer.Append(Snapshots.At(firstNew, cpu: 0.5));
            result = writer.Import(legacy);
        }

        result.Imported.ShouldBe(150);
        result.Skipped.ShouldBe(50);
        using var reader = DvrReader.Open(_dvr.Path);
        var ticks = reader.Range(null, null);
        ticks.Count.ShouldBe(151);
        ticks.Select(t => t.Timestamp).ShouldBeInOrder();
        ticks[^1].CpuPercent.ShouldBe(50);
    }

    [Fact]
    public void Import_NotALegacyDatabase_IsRefusedClearly()
    {
        var other = _dvr.Sibling("other.sqlite");
        Execute(other, "CREATE TABLE events(id INTEGER PRIMARY KEY)");
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);
        Should.Throw<DvrException>(() => writer.Import(other)).Message.ShouldContain("not a Python Aura database");
    }

    [Fact]
    public void Open_UnknownTables_IsRefusedNamingThem()
    {
        Execute(_dvr.Path, "CREATE TABLE foo(x); CREATE TABLE bar(y)");
        var error = Should.Throw<DvrException>(() => DvrReader.Open(_dvr.Path));
        error.Message.ShouldBe($"{_dvr.Path} is not an Aura database: unknown tables bar, foo.");
        Should.Throw<DvrException>(() => DvrWriter.Open(new DvrOptions { Path = _dvr.Path }, _clock));
    }

    [Fact]
    public void Open_NotASqliteFile_IsRefused()
    {
        File.WriteAllText(_dvr.Path, "cpu=12.3% mem=45.6% ts=1700000000.123\n".PadRight(4096, 'x'));
        Should.Throw<DvrException>(() => DvrReader.Open(_dvr.Path)).Message.ShouldContain("is not a SQLite database");
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        using (DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock))
        {
        }

        Execute(_dvr.Path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        Should.Throw<DvrException>(() => DvrReader.Open(_dvr.Path)).Message.ShouldContain("newer Aura");
    }

    [Fact]
    public void Open_MissingFile_IsRefused() =>
        Should.Throw<DvrException>(() => DvrReader.Open(_dvr.Path)).Message.ShouldContain("does not exist");

    private static List<(double Time, double Cpu, double Memory)> CreateLegacy(string path, string schema, int count, double start)
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, count)
            .Select(i => (start + i + (random.Next(0, 200) / 1000.0), Math.Round(random.NextDouble() * 100, 6), Math.Round(30 + (random.NextDouble() * 20), 6)))
            .ToList();
        Execute(path, schema);
        using var connection = Connect(path);
        using var transaction = connection.BeginTransaction();
        foreach (var (time, cpu, memory) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = string.Create(CultureInfo.InvariantCulture, $"INSERT INTO snapshots(timestamp, cpu_percent, memory_percent) VALUES ({time:R}, {cpu:R}, {memory:R})");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return rows;
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Query(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
