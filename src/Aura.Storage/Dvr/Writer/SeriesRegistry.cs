using Aura.Core.Series;
using Aura.Storage.Dvr.Codecs;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Writer;

/// <summary>
/// Maps series to dense slots and to their ids in the <c>series</c> table. A series seen before costs a dictionary
/// lookup; a new one formats its key once and is inserted with the next flush.
/// </summary>
internal sealed class SeriesRegistry
{
    private readonly List<SeriesSlot> _slots = [];
    private readonly Dictionary<SeriesIdentity, int> _byIdentity = new(SeriesIdentity.Comparer.Instance);
    private readonly Dictionary<string, int> _slotByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _slotById = [];
    private readonly Dictionary<string, SeriesSlot> _stored = new(StringComparer.Ordinal);
    private readonly List<SeriesSlot> _unsaved = [];
    private int _nextId = 1;

    public int Count => _slots.Count;

    public SeriesSlot this[int slot] => _slots[slot];

    public void Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, key, family, unit, precision FROM series";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var stored = new SeriesSlot(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), new Quantizer(reader.GetDouble(4)));
            _stored[stored.Key] = stored;
            _nextId = Math.Max(_nextId, stored.Id + 1);
        }
    }

    public int Resolve(SeriesFamily family, string? label1, string? label2)
    {
        var identity = new SeriesIdentity(family, label1, label2);
        if (_byIdentity.TryGetValue(identity, out var slot))
        {
            return slot;
        }

        slot = SlotOf(SeriesKey.Format(family, label1, label2), family.Name, family.Unit, family.Precision);
        _byIdentity.Add(identity, slot);
        return slot;
    }

    /// <summary>The slot for a key, taking the stored precision when the series exists (it wins over the catalog's).</summary>
    public int SlotOf(string key, string family, string unit, double precision)
    {
        if (_slotByKey.TryGetValue(key, out var slot))
        {
            return slot;
        }

        if (!_stored.TryGetValue(key, out var series))
        {
            series = new SeriesSlot(_nextId++, key, family, unit, new Quantizer(precision));
            _stored.Add(key, series);
            _unsaved.Add(series);
        }

        slot = _slots.Count;
        _slots.Add(series);
        _slotByKey.Add(key, slot);
        _slotById.Add(series.Id, slot);
        return slot;
    }

    /// <summary>The slot of a stored series id (recovering head rows); -1 when the id is unknown.</summary>
    public int SlotOfId(int id)
    {
        if (_slotById.TryGetValue(id, out var slot))
        {
            return slot;
        }

        foreach (var stored in _stored.Values)
        {
            if (stored.Id == id)
            {
                return SlotOf(stored.Key, stored.Family, stored.Unit, stored.Quantizer.Precision);
            }
        }

        return -1;
    }

    /// <summary>Moves series not yet in the table into <paramref name="destination"/>.</summary>
    public void TakeUnsaved(List<SeriesSlot> destination)
    {
        destination.AddRange(_unsaved);
        _unsaved.Clear();
    }
}
