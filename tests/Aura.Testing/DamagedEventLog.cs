using Aura.Core.Events;
using Aura.Storage.Events;

namespace Aura.Testing;

/// <summary>Writes a real event log, closes it, then overwrites pages in its middle with garbage, as a bad disk would.</summary>
public static class DamagedEventLog
{
    public const int Events = 3000;

    public static async Task CreateAsync(string path)
    {
        using (var log = EventLog.Open(new EventLogOptions { Path = path, BackgroundRetention = false }, TimeProvider.System))
        {
            var batch = new List<NewEvent>();
            for (var i = 0; i < Events; i++)
            {
                var data = System.Text.Encoding.UTF8.GetBytes($"{{\"i\":{i},\"pad\":\"{new string('x', 100)}\"}}");
                batch.Add(new NewEvent("app", "tick", EventLevel.Info, $"event {i}", 1_700_000_000_000_000 + (i * 1_000_000L), data));
            }

            await log.AppendBatchAsync(batch, CancellationToken.None);
        }

        // Move every page into the main file, then damage pages 40%..60% of it: table and index pages.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var pages = file.Length / 4096;
        var garbage = new byte[4096];
        Array.Fill(garbage, (byte)0xA5);
        for (var page = pages * 4 / 10; page < pages * 6 / 10; page++)
        {
            file.Position = page * 4096;
            await file.WriteAsync(garbage);
        }
    }
}
