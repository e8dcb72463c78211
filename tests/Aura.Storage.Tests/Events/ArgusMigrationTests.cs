using System.Text;
using Aura.Storage.Events;

namespace Aura.Storage.Tests.Events;

/// <summary>
/// Opening the event log on an Argus events.db migrates it in place: every event kept with its id, time, fields and data,
/// a verified copy of the original kept beside it, and all or nothing.
/// </summary>
public sealed class ArgusMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    // What Argus's API let clients store, and what a hand-edited or half-broken file can hold.
    private const string OddRows = """
        INSERT INTO events(source, event_type, timestamp, message, level, data) VALUES
          ('sable', 'thinking', '2025-11-20T12:34:56.123456Z', 'Analyzing', 'debug', '{"tokens": 1234}'),
          ('sable', 'startup', '2025-11-20T13:30:00+02:00', 'offset time', 'info', NULL),
          ('prismis', 'article_saved', '9999-12-31T23:59:59Z', 'from the far future', 'warn', '{"id": "abc"}'),
          ('prismis', 'bare', '2025-11-20T10:00:00', NULL, NULL, 'null'),
          ('sable', 'bytes', '2025-11-20T10:00:01Z', CAST(X'48FF49' AS TEXT), 'ERROR', '[1, 2]');
        INSERT INTO events(source, event_type, timestamp, message, level, data, created_at) VALUES
          ('sable', 'garbled', 'yesterday', 'not a time', 'info', 'not json {', '2025-11-21 08:00:00');
        INSERT INTO events(source, event_type, timestamp) VALUES ('sable', 'deleted', '2025-11-22T00:00:00Z');
        DELETE FROM events WHERE event_type = 'deleted';
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("aura-argus-").FullName;

    private string Database => Path.Combine(_directory, "events.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Open_ArgusDatabase_KeepsEveryEventWithItsIdTimeAndFields()
    {
        ArgusDatabase.Create(Database, OddRows);
        var before = ArgusDatabase.Rows(Database);

        using var log = Open();

        log.Migration.ShouldNotBeNull();
        log.Migration.Events.ShouldBe(6);
        log.Migration.Repaired.ShouldBe(2, "the message with a byte that is not UTF-8, and the data that is not JSON");
        var events = log.Query(new EventQuery { Limit = 100 })!.OrderBy(e => e.Id).ToList();
        events.Select(e => e.Id).ShouldBe([1L, 2, 3, 4, 5, 6]);
        Describe(events[0]).ShouldBe("sable|thinking|Debug|Analyzing|2025-11-20T12:34:56.123456Z|{\"tokens\": 1234}");
        Describe(events[1]).ShouldBe("sable|startup|Info|offset time|2025-11-20T11:30:00Z|", "the instant, not the text");
        Describe(events[2]).ShouldBe("prismis|article_saved|Warn|from the far future|9999-12-31T23:59:59Z|{\"id\": \"abc\"}");
        Describe(events[3]).ShouldBe("prismis|bare|Info||2025-11-20T10:00:00Z|", "no level is info; no offset is UTC; JSON null is no data");
        Describe(events[4]).ShouldBe("sable|bytes|Error|H\uFFFDI|2025-11-20T10:00:01Z|[1, 2]");
        Describe(events[5]).ShouldBe("sable|garbled|Info|not a time|2025-11-21T08:00:00Z|\"not json {\"", "created_at stands in for a timestamp that is no time");
        ArgusDatabase.Rows(log.Migration.Backup).ShouldBe(before, "the backup holds the original's rows byte for byte");
        (await log.AppendAsync(TempEventLog.Event("sable", "next", Now), CancellationToken.None)).ShouldBe(8, "Argus handed out id 7 before deleting it");
    }

    [Fact]
    public void Open_ArgusDatabaseWithARowItCannotPlace_RefusesAndLeavesTheOriginalAsItWas()
    {
        ArgusDatabase.Create(Database, OddRows + "INSERT INTO events(source, event_type, timestamp, level) VALUES ('sable', 'late', '2025-11-23T00:00:00Z', 'fatal');");
        var before = ArgusDatabase.Rows(Database);

        var error = Should.Throw<EventLogException>(Open);

        error.Message.ShouldContain("Argus event id 8 has level 'fatal', none of debug, info, warn, error; the database was left as it was");
        ArgusDatabase.Rows(Database).ShouldBe(before);
        ArgusMigration.IsArgus(Database).ShouldBeTrue("still Argus's file, usable by Argus");
        File.Exists(Database + ArgusMigration.BuildingSuffix).ShouldBeFalse("no half-written result is left");
    }

    [Fact]
    public void Open_LeftoverFromAMigrationThatCrashed_IsReplacedAndTheMigrationCompletes()
    {
        ArgusDatabase.Create(Database, OddRows);
        File.WriteAllText(Database + ArgusMigration.BuildingSuffix, "half a file");

        using var log = Open();

        log.Migration!.Events.ShouldBe(6);
        log.Query(new EventQuery())!.Count.ShouldBe(6);
        File.Exists(Database + ArgusMigration.BuildingSuffix).ShouldBeFalse();
    }

    [Fact]
    public void Open_ArgusStillHasTheFileOpen_RefusesAndChangesNothing()
    {
        ArgusDatabase.Create(Database, OddRows);
        var before = ArgusDatabase.Rows(Database);
        using var argus = ArgusDatabase.Open(Database);
        using (var read = argus.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM events";
            read.ExecuteScalar();
        }

        var error = Should.Throw<EventLogException>(Open);

        error.Message.ShouldContain("is open in another program (is Argus still running? stop it first)");
        ArgusDatabase.Rows(Database).ShouldBe(before);
        File.Exists(Database + ArgusMigration.BackupSuffix).ShouldBeFalse("it stopped before writing anything");
        File.Exists(Database + ArgusMigration.BuildingSuffix).ShouldBeFalse();
    }

    [Fact]
    public async Task Open_AuraLogAlreadyMigrated_OpensWithoutMigratingAgain()
    {
        ArgusDatabase.Create(Database, OddRows);
        using (var first = Open())
        {
            await first.AppendAsync(TempEventLog.Event("sable", "next", Now), CancellationToken.None);
        }

        using var second = Open();

        second.Migration.ShouldBeNull();
        second.Query(new EventQuery())!.Count.ShouldBe(7);
    }

    private EventLog Open() => EventLog.Open(new EventLogOptions { Path = Database, BackgroundRetention = false }, new FakeTimeProvider(Now));

    private static string Describe(StoredEvent stored)
    {
        var e = stored.Event;
        return $"{e.Source}|{e.EventType}|{e.Level}|{e.Message}|{EventTime.Format(e.TimestampMicros)}|{Encoding.UTF8.GetString(e.Data.Span)}";
    }
}
