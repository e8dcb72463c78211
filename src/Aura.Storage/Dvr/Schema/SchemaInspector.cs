using System.Globalization;
using Aura.Storage.Files;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Schema;

/// <summary>Recognises an Aura DVR, a Python Aura database, or a new file; refuses anything else by name.</summary>
internal static class SchemaInspector
{
    private const int NotADatabase = 26;
    private const int Corrupt = 11;

    public static StoreShape Inspect(SqliteConnection connection, string path)
    {
        var tables = Tables(connection, path);
        if (tables.Count == 0)
        {
            return new StoreShape(StoreKind.Empty, 0);
        }

        var legacy = tables.Contains(DvrSchema.LegacyTable) && IsLegacyTable(connection, "main");
        var unknown = tables.Where(t => Array.IndexOf(DvrSchema.Tables, t) < 0 && !(legacy && t == DvrSchema.LegacyTable)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DvrException($"{path} is not an Aura database: unknown tables {string.Join(", ", unknown)}.");
        }

        if (!tables.Contains("meta"))
        {
            if (legacy && tables.Count == 1)
            {
                return new StoreShape(StoreKind.Legacy, 0);
            }

            throw new DvrException($"{path} is not an Aura database: it has Aura's tables but no schema version (meta table).");
        }

        var text = SqliteFile.Text(connection, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new DvrException($"{path} is not an Aura database: its meta table has no valid schema_version.");
        }

        if (version > DvrSchema.CurrentVersion)
        {
            throw new DvrException($"{path} was written by a newer Aura (DVR schema {version}); this build reads up to schema {DvrSchema.CurrentVersion}.");
        }

        return new StoreShape(StoreKind.Aura, version);
    }

    /// <summary>True when <c>snapshots</c> in the given schema has the Python Aura's columns (either form).</summary>
    public static bool IsLegacyTable(SqliteConnection connection, string schema)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{DvrSchema.LegacyTable}', '{schema}')";
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Contains("timestamp") && columns.Contains("cpu_percent") && columns.Contains("memory_percent");
    }

    private static HashSet<string> Tables(SqliteConnection connection, string path)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
            using var reader = command.ExecuteReader();
            var tables = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }

            return tables;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or Corrupt)
        {
            throw new DvrException($"{path} is not a SQLite database ({e.Message.TrimEnd('.')}).", e);
        }
    }
}
