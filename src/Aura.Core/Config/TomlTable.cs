using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Aura.Core.Config;

/// <summary>
/// A parsed TOML table: keys in document order mapped to <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see cref="TomlTable"/> or <see cref="IReadOnlyList{T}"/> of those. Each key remembers the line
/// that defined it, so a caller can point at the line of a setting it rejects.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "TOML calls it a table; TomlTableDictionary would read worse everywhere it is used.")]
public sealed partial class TomlTable : IReadOnlyDictionary<string, object>
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    internal TomlTable()
        : this(TomlTableKind.Root, "")
    {
    }

    internal TomlTable(TomlTableKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    public int Count => _keys.Count;

    /// <summary>The keys in the order the document defined them.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The values in the order the document defined them.</summary>
    public IEnumerable<object> Values
    {
        get
        {
            foreach (var key in _keys)
            {
                yield return _values[key];
            }
        }
    }

    internal TomlTableKind Kind { get; set; }

    /// <summary>The table's dotted name as a header would spell it; empty for the root.</summary>
    internal string Name { get; }

    public object this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _values.TryGetValue(key, out value);

    /// <summary>The 1-based line that defined <paramref name="key"/> in this table, or null when it is absent.</summary>
    public int? LineOf(string key) => _lines.TryGetValue(key, out var line) ? line : null;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        foreach (var key in _keys)
        {
            yield return new KeyValuePair<string, object>(key, _values[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string key, object value, int line)
    {
        _values.Add(key, value);
        _keys.Add(key);
        _lines.Add(key, line);
    }

    internal void SetLine(string key, int line) => _lines[key] = line;
}
