using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// The block being filled: tick times and, per series slot, the values as integers at the series' precision.
/// Appending only stores integers; encoding happens when the block is flushed to the head or sealed.
/// Arrays are kept when the block is reset, so a writer alternating two blocks allocates nothing in steady state.
/// </summary>
internal sealed class OpenBlock : IDisposable
{
    private readonly List<int> _activeSlots = [];
    private SeriesColumn?[] _columns = new SeriesColumn?[128];
    private long[] _times = new long[1024];

    public int TickCount { get; private set; }

    public long StartMs => _times[0];

    public long LastMs => TickCount == 0 ? long.MinValue : _times[TickCount - 1];

    /// <summary>The first time past this block's aligned window; a tick at or after it starts a new block.</summary>
    public long WindowEndMs { get; private set; }

    /// <summary>Ticks already written to the head table.</summary>
    public int FlushedTicks { get; set; }

    /// <summary>Bytes of <see cref="Processes"/> already written to the head table.</summary>
    public int FlushedProcessBytes { get; set; }

    /// <summary>The top-k process records of each tick, delta-encoded from the block's first tick.</summary>
    public ByteWriter Processes { get; } = new(4096);

    public ReadOnlySpan<long> Times => _times.AsSpan(0, TickCount);

    /// <summary>Slots with a value somewhere in this block, in the order they first appeared.</summary>
    public IReadOnlyList<int> ActiveSlots => _activeSlots;

    public ReadOnlySpan<long> ValuesOf(int slot) => _columns[slot]!.Values.AsSpan(0, TickCount);

    public SeriesColumn ColumnOf(int slot) => _columns[slot]!;

    public void Start(long windowEndMs)
    {
        TickCount = 0;
        FlushedTicks = 0;
        FlushedProcessBytes = 0;
        WindowEndMs = windowEndMs;
        Processes.Clear();
        foreach (var slot in _activeSlots)
        {
            _columns[slot]!.Active = false;
            _columns[slot]!.LastTick = -1;
        }

        _activeSlots.Clear();
    }

    public int BeginTick(long timeMs)
    {
        if (TickCount == _times.Length)
        {
            Grow();
        }

        _times[TickCount] = timeMs;
        return TickCount;
    }

    public void Set(int slot, int seriesId, long units)
    {
        var tick = TickCount;
        if (slot >= _columns.Length)
        {
            Array.Resize(ref _columns, Math.Max(slot + 1, _columns.Length * 2));
        }

        var column = _columns[slot] ??= new SeriesColumn();
        if (!column.Active)
        {
            if (column.Values.Length < _times.Length)
            {
                column.Values = new long[_times.Length];
            }

            column.Values.AsSpan(0, tick).Fill(Column.Absent);
            column.Active = true;
            column.SeriesId = seriesId;
            _activeSlots.Add(slot);
        }

        column.Values[tick] = units;
        column.LastTick = tick;
    }

    public void EndTick()
    {
        var tick = TickCount;
        foreach (var slot in _activeSlots)
        {
            var column = _columns[slot]!;
            if (column.LastTick != tick)
            {
                column.Values[tick] = Column.Absent;
            }
        }

        TickCount = tick + 1;
    }

    public void Dispose() => Processes.Dispose();

    private void Grow()
    {
        var capacity = _times.Length * 2;
        Array.Resize(ref _times, capacity);
        foreach (var slot in _activeSlots)
        {
            Array.Resize(ref _columns[slot]!.Values, capacity);
        }
    }
}
