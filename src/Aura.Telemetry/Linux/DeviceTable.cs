using System.Buffers;
using System.Text;

namespace Aura.Telemetry.Linux;

/// <summary>
/// The per-device counters a reader of a kernel table (<c>/proc/diskstats</c>, <c>/proc/net/dev</c>) keeps between
/// ticks, looked up by the name's bytes without building a string: a name's string is made once, when it first
/// appears, and a device missing from a pass is forgotten. Not thread-safe.
/// </summary>
internal sealed class DeviceTable<TCounters>
    where TCounters : struct
{
    private const int LongestName = 64;

    private readonly Dictionary<string, DeviceState<TCounters>> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceState<TCounters>>.AlternateLookup<ReadOnlySpan<char>> _statesByName;
    private readonly int _maxNameLength;
    private readonly Func<string, bool> _select;
    private int _pass;
    private int _seen;

    /// <param name="maxNameLength">Longer names are not devices of this table (at most 64).</param>
    /// <param name="select">Decides <see cref="DeviceState{TCounters}.Selected"/> for a name, once.</param>
    public DeviceTable(int maxNameLength, Func<string, bool> select)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxNameLength, LongestName);
        _maxNameLength = maxNameLength;
        _select = select;
        _statesByName = _states.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Starts a pass over the table's file.</summary>
    public void BeginPass()
    {
        _pass++;
        _seen = 0;
    }

    /// <summary>
    /// The state of the device named <paramref name="name"/> (ASCII), created on first sight; false for a name that is
    /// too long or not ASCII, or one already seen in this pass (the first line wins).
    /// </summary>
    public bool TryVisit(ReadOnlySpan<byte> name, out DeviceState<TCounters> state)
    {
        state = null!;
        Span<char> chars = stackalloc char[LongestName];
        if (name.Length > _maxNameLength || Ascii.ToUtf16(name, chars, out var length) != OperationStatus.Done)
        {
            return false;
        }

        if (!_statesByName.TryGetValue(chars[..length], out var found))
        {
            var text = new string(chars[..length]);
            found = new DeviceState<TCounters>(text, _select(text));
            _states.Add(text, found);
        }
        else if (found.SeenInPass == _pass)
        {
            return false;
        }

        found.SeenInPass = _pass;
        _seen++;
        state = found;
        return true;
    }

    /// <summary>Ends a pass: devices the pass did not see are forgotten, so a returning one starts afresh.</summary>
    public void EndPass()
    {
        if (_seen == _states.Count)
        {
            return;
        }

        // Removing while enumerating is allowed for Dictionary since .NET Core 3.0.
        foreach (var (name, state) in _states)
        {
            if (state.SeenInPass != _pass)
            {
                _states.Remove(name);
            }
        }
    }
}
