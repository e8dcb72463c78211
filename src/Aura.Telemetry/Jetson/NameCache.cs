namespace Aura.Telemetry.Jetson;

/// <summary>
/// Engine, rail and sensor names made once: the same names come back every line, so a tick allocates no name strings.
/// Bounded, so a stream of garbage cannot grow it without limit.
/// </summary>
internal sealed class NameCache
{
    private const int Capacity = 512;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameCache() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var made = name.ToString();
        if (_names.Count < Capacity)
        {
            _names.Add(made, made);
        }

        return made;
    }
}
