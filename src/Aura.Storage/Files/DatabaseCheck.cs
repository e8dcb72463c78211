using Microsoft.Data.Sqlite;

namespace Aura.Storage.Files;

/// <summary>SQLite's own consistency checks on a database file, read-only: what is damaged, in SQLite's words.</summary>
public static class DatabaseCheck
{
    /// <summary>Most problems listed; SQLite stops there.</summary>
    public const int MaxProblems = 100;

    /// <summary>
    /// The problems <c>PRAGMA integrity_check</c> (or the faster <c>quick_check</c>, which skips index contents) finds
    /// in <paramref name="path"/>: empty when the file is sound. A file that is not a database at all is one problem.
    /// </summary>
    public static IReadOnlyList<string> Run(string path, bool quick)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var problems = new List<string>();
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {(quick ? "quick_check" : "integrity_check")}({MaxProblems})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }
        }
        catch (SqliteException e)
        {
            problems.Add(e.Message);
        }

        return problems;
    }
}
