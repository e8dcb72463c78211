using System.Text;
using Aura.Core.Events;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>Reads: filtered newest-first pages, and the sources and types ever stored (and not yet expired).</summary>
public sealed partial class EventLog
{
    /// <summary>
    /// Events matching <paramref name="query"/>, newest first (by timestamp, then id). With <see cref="EventQuery.BeforeId"/>
    /// the page continues after that event; null when that event is not stored (never was, or expired).
    /// </summary>
    public IReadOnlyList<StoredEvent>? Query(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT id, ts, source, event_type, level, message, data FROM events WHERE 1");
        if (query.BeforeId is { } beforeId)
        {
            using var find = connection.CreateCommand();
            find.CommandText = "SELECT ts FROM events WHERE id = $id";
            find.Parameters.AddWithValue("$id", beforeId);
            if (find.ExecuteScalar() is not long beforeTs)
            {
                return null;
            }

            sql.Append(" AND (ts, id) < ($beforeTs, $beforeId)");
            command.Parameters.AddWithValue("$beforeTs", beforeTs);
            command.Parameters.AddWithValue("$beforeId", beforeId);
        }

        Filter(sql, command, "source", "$source", query.Source);
        Filter(sql, command, "event_type", "$type", query.EventType);
        if (query.Level is { } level)
        {
            sql.Append(" AND level = $level");
            command.Parameters.AddWithValue("$level", (long)level);
        }

        if (query.SinceMicros is { } since)
        {
            sql.Append(" AND ts >= $since");
            command.Parameters.AddWithValue("$since", since);
        }

        if (query.UntilMicros is { } until)
        {
            sql.Append(" AND ts <= $until");
            command.Parameters.AddWithValue("$until", until);
        }

        sql.Append(" ORDER BY ts DESC, id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();
        return Read(command, query.Limit);
    }

    /// <summary>Every source stored, sorted (ordinal).</summary>
    public IReadOnlyList<string> Sources() => Names("SELECT name FROM event_sources ORDER BY name");

    /// <summary>Every event type stored, sorted (ordinal).</summary>
    public IReadOnlyList<string> EventTypes() => Names("SELECT name FROM event_types ORDER BY name");

    /// <summary>How many events are stored.</summary>
    public long Count()
    {
        using var connection = OpenReader();
        return SqliteFile.Long(connection, "SELECT count(*) FROM events");
    }

    private static void Filter(StringBuilder sql, SqliteCommand command, string column, string parameter, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = ").Append(parameter);
            command.Parameters.AddWithValue(parameter, value);
        }
    }

    private static List<StoredEvent> Read(SqliteCommand command, int capacity)
    {
        var found = new List<StoredEvent>(Math.Min(capacity, 1000));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var data = reader.IsDBNull(6) ? ReadOnlyMemory<byte>.Empty : (byte[])reader.GetValue(6);
            var e = new NewEvent(
                reader.GetString(2),
                reader.GetString(3),
                (EventLevel)reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(1),
                data);
            found.Add(new StoredEvent(reader.GetInt64(0), e));
        }

        return found;
    }

    private List<string> Names(string sql)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
