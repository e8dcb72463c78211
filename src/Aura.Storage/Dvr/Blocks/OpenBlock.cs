using System.Buffers;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// The block being filled: tick times and, per series slot, a compact stream of the values as integers at the
/// series' precision. Appending only writes varints; compression happens when the block is sealed. The streams hold
/// the ticks since the last flush (all of them for a block never flushed, which is how a block is rebuilt from its
/// head rows to be sealed). Buffers are kept when the block is reset, so a live writer allocates nothing in steady
/// state; a block given its own <paramref name="pool"/> leaves no arrays behind in the shared one.
/// </summary>
internal sealed class OpenBlock(ArrayPool<byte>? pool = null) : IDisposable
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

    /// <summary>The top-k process records of each tick since the last flush, delta-encoded from the block's first tick.</summary>
    public ByteWriter Processes { get; } = new(4096, pool);

    /// <summary>Bytes of series and process streams held in memory (those since the last flush).</summary>
    public long BufferedBytes
    {
        get
        {
            long bytes = Processes.Length;
            foreach (var slot in _activeSlots)
            {
                bytes += _columns[slot]!.Stream.Length;
            }

            return bytes;
        }
    }

    public ReadOnlySpan<long> Times => _times.AsSpan(0, TickCount);

    /// <summary>Slots with a value somewhere in this block, in the order they first appeared.</summary>
    public IReadOnlyList<int> ActiveSlots => _activeSlots;

    public SeriesColumn ColumnOf(int slot) => _columns[slot]!;

    public void Start(long windowEndMs)
    {
        TickCount = 0;
        FlushedTicks = 0;
        WindowEndMs = windowEndMs;
        Processes.Clear();
        foreach (var slot in _activeSlots)
        {
            _columns[slot]!.Deactivate();
        }

        _activeSlots.Clear();
    }

    public void BeginTick(long timeMs)
    {
        if (TickCount == _times.Length)
        {
            Array.Resize(ref _times, _times.Length * 2);
        }

        _times[TickCount] = timeMs;
    }

    public void Set(int slot, int seriesId, long units)
    {
        if (slot >= _columns.Length)
        {
            Array.Resize(ref _columns, Math.Max(slot + 1, _columns.Length * 2));
        }

        var column = _columns[slot] ??= new SeriesColumn(pool);
        if (!column.Active)
        {
            column.Activate(seriesId, TickCount, FlushedTicks);
            _activeSlots.Add(slot);
        }

        column.Set(TickCount, units);
    }

    public void EndTick()
    {
        var tick = TickCount;
        foreach (var slot in _activeSlots)
        {
            var column = _columns[slot]!;
            if (column.LastTick != tick)
            {
                column.Skip();
            }
        }

        TickCount = tick + 1;
    }

    public void Dispose()
    {
        Processes.Dispose();
        foreach (var column in _columns)
        {
            column?.Dispose();
        }
    }
}
