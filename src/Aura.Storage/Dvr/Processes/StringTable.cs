using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Processes;

/// <summary>Interns process names and users: each distinct string is stored once in the <c>strings</c> table.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<int, string>> _unsaved = [];
    private int _nextId = 1;

    public void Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, value FROM strings";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            _ids[reader.GetString(1)] = id;
            _nextId = Math.Max(_nextId, id + 1);
        }
    }

    public int Intern(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _nextId++;
            _ids.Add(value, id);
            _unsaved.Add(new(id, value));
        }

        return id;
    }

    public void TakeUnsaved(List<KeyValuePair<int, string>> destination)
    {
        destination.AddRange(_unsaved);
        _unsaved.Clear();
    }
}
