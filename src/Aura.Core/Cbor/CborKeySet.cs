using System.Buffers;

namespace Aura.Core.Cbor;

/// <summary>
/// The keys of the maps open during validation, for rejecting duplicates in time linear in the input: an
/// open-addressing hash table over canonical key bytes (<see cref="CborCanonicalKey"/>), with every buffer
/// rented from the pool. Maps nest, so their keys form a stack: a map's keys are the entries from the
/// count it saw when it opened, and <see cref="Truncate"/> drops them when it closes. Slots are never
/// emptied, so a stale slot costs a probe but cannot hide a live key or match a key of another map.
/// </summary>
internal struct CborKeySet : IDisposable
{
    private const int Stride = 3;

    private CborScratch _keys;
    private int[]? _entries;
    private int[]? _slots;
    private int _slotMask;
    private int _count;
    private int _usedSlots;

    /// <summary>How many keys are held; a map opening notes this as the start of its own keys.</summary>
    public readonly int Count => _count;

    /// <summary>Adds the key at <paramref name="keyOffset"/>; false when the map that owns the entries from <paramref name="mapStart"/> on already has it.</summary>
    public bool TryAdd(ReadOnlySpan<byte> input, int keyOffset, int mapStart)
    {
        var start = _keys.Length;
        CborCanonicalKey.Write(input, keyOffset, ref _keys);
        var length = _keys.Length - start;
        var key = _keys.Slice(start, length);
        var hash = HashOf(key);
        EnsureRoom();
        var entries = _entries!;
        var slots = _slots!;
        for (var slot = hash & _slotMask; ; slot = (slot + 1) & _slotMask)
        {
            var index = slots[slot] - 1;
            if (index < 0)
            {
                slots[slot] = _count + 1;
                _usedSlots++;
                break;
            }

            var at = index * Stride;
            if (index >= mapStart && index < _count && entries[at] == hash
                && key.SequenceEqual(_keys.Slice(entries[at + 1], entries[at + 2])))
            {
                _keys.Truncate(start);
                return false;
            }
        }

        var entry = _count * Stride;
        entries[entry] = hash;
        entries[entry + 1] = start;
        entries[entry + 2] = length;
        _count++;
        return true;
    }

    /// <summary>Forgets the keys from <paramref name="count"/> on: the map that owned them has closed.</summary>
    public void Truncate(int count)
    {
        if (count < _count)
        {
            _keys.Truncate(_entries![(count * Stride) + 1]);
            _count = count;
        }
    }

    public void Dispose()
    {
        _keys.Dispose();
        if (_entries is not null)
        {
            ArrayPool<int>.Shared.Return(_entries);
        }

        if (_slots is not null)
        {
            ArrayPool<int>.Shared.Return(_slots);
        }

        _entries = null;
        _slots = null;
        _count = 0;
        _usedSlots = 0;
    }

    private static int HashOf(ReadOnlySpan<byte> key)
    {
        // HashCode is seeded per process, so a peer cannot precompute colliding keys.
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void EnsureRoom()
    {
        if (_entries is null || _entries.Length < (_count + 1) * Stride)
        {
            var grown = ArrayPool<int>.Shared.Rent(Math.Max(48, (_count + 1) * Stride * 2));
            if (_entries is not null)
            {
                _entries.AsSpan(0, _count * Stride).CopyTo(grown);
                ArrayPool<int>.Shared.Return(_entries);
            }

            _entries = grown;
        }

        if (_slots is null || (_usedSlots + 1) * 2 > _slotMask + 1)
        {
            Rehash();
        }
    }

    private void Rehash()
    {
        var size = 16;
        while (size < (_count + 1) * 4)
        {
            size *= 2;
        }

        if (_slots is null || _slots.Length < size)
        {
            if (_slots is not null)
            {
                ArrayPool<int>.Shared.Return(_slots);
            }

            _slots = ArrayPool<int>.Shared.Rent(size);
        }

        // A rented array can be larger than asked; the mask needs a power of two, so use the largest that fits.
        var length = 1 << (31 - int.LeadingZeroCount(_slots.Length));
        var slots = _slots.AsSpan(0, length);
        slots.Clear();
        var mask = length - 1;
        _slotMask = mask;
        for (var index = 0; index < _count; index++)
        {
            var slot = _entries![index * Stride] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = index + 1;
        }

        _usedSlots = _count;
    }
}
