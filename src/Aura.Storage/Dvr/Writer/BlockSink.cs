using Aura.Core.Series;
using Aura.Storage.Dvr.Blocks;

namespace Aura.Storage.Dvr.Writer;

/// <summary>
/// Receives a snapshot's flattened values and stores them in the open block. Series arrive in the same order
/// every tick, so the slot is usually found by comparing with what came at the same position last tick.
/// </summary>
internal sealed class BlockSink(SeriesRegistry registry) : ISeriesSink
{
    private SeriesIdentity[] _order = new SeriesIdentity[256];
    private int[] _orderSlots = new int[256];
    private int _orderCount;
    private int _position;
    private OpenBlock? _block;

    /// <summary>Values that were NaN, infinite or too large for their precision, and so not stored.</summary>
    public long Rejected { get; private set; }

    public void Begin(OpenBlock block)
    {
        _block = block;
        _position = 0;
    }

    public void End()
    {
        _orderCount = _position;
        _block = null;
    }

    public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
    {
        var slot = SlotOf(family, label1, label2);
        var series = registry[slot];
        if (series.Quantizer.TryEncode(value, out var units))
        {
            _block!.Set(slot, series.Id, units);
        }
        else
        {
            Rejected++;
        }
    }

    private int SlotOf(SeriesFamily family, string? label1, string? label2)
    {
        var position = _position++;
        if (position < _orderCount && _order[position].Matches(family, label1, label2))
        {
            return _orderSlots[position];
        }

        var slot = registry.Resolve(family, label1, label2);
        if (position >= _order.Length)
        {
            Array.Resize(ref _order, _order.Length * 2);
            Array.Resize(ref _orderSlots, _orderSlots.Length * 2);
        }

        _order[position] = new SeriesIdentity(family, label1, label2);
        _orderSlots[position] = slot;
        return slot;
    }
}
