using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Aura.Core.Cbor;

/// <summary>
/// Writes CBOR (RFC 8949) in preferred serialization: every head in its shortest form, definite lengths,
/// and floats in the shortest of half, single and double precision that holds the value exactly (NaN as
/// 0xf97e00). Arrays and maps are declared with their size; the writer counts the items that follow, so
/// <see cref="IsComplete"/> says whether every declared container has been filled.
/// </summary>
public sealed class CborWriter
{
    private readonly IBufferWriter<byte> _output;
    private int[] _remaining = new int[8];
    private int _depth;
    private bool _tagPending;

    public CborWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>How many declared arrays and maps still wait for items.</summary>
    public int Depth => _depth;

    /// <summary>True when every declared array and map is full and no tag waits for its content.</summary>
    public bool IsComplete => _depth == 0 && !_tagPending;

    public void WriteUInt64(ulong value)
    {
        WriteHead(CborMajorType.UnsignedInteger, value);
        CompleteItem();
    }

    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteUInt64((ulong)value);
        }
        else
        {
            WriteNegativeInteger((ulong)(-1 - value));
        }
    }

    /// <summary>Writes the integer −1 − <paramref name="argument"/>, which reaches down to −2^64.</summary>
    public void WriteNegativeInteger(ulong argument)
    {
        WriteHead(CborMajorType.NegativeInteger, argument);
        CompleteItem();
    }

    public void WriteByteString(ReadOnlySpan<byte> value)
    {
        WriteHead(CborMajorType.ByteString, (ulong)value.Length);
        _output.Write(value);
        CompleteItem();
    }

    /// <summary>Writes text as UTF-8.</summary>
    /// <exception cref="ArgumentException">The text holds an unpaired surrogate, which UTF-8 cannot carry.</exception>
    public void WriteTextString(ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = _output.GetSpan(CborEncoding.MaxHeadLength + length);
        var headLength = CborEncoding.WriteHead(span, CborMajorType.TextString, (ulong)length);
        var status = Utf8.FromUtf16(value, span[headLength..], out var read, out _, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw new ArgumentException($"The text has an unpaired surrogate at index {read}; a CBOR text string must be valid UTF-8.", nameof(value));
        }

        _output.Advance(headLength + length);
        CompleteItem();
    }

    /// <summary>Writes text that is already UTF-8.</summary>
    /// <exception cref="ArgumentException">The bytes are not valid UTF-8.</exception>
    public void WriteUtf8TextString(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new ArgumentException("A CBOR text string must be valid UTF-8.", nameof(utf8));
        }

        WriteHead(CborMajorType.TextString, (ulong)utf8.Length);
        _output.Write(utf8);
        CompleteItem();
    }

    /// <summary>Starts an array of <paramref name="count"/> items; the next <paramref name="count"/> items written fill it.</summary>
    public void WriteStartArray(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteHead(CborMajorType.Array, (ulong)count);
        StartContainer(count);
    }

    /// <summary>Starts a map of <paramref name="count"/> entries; write each key, then its value.</summary>
    /// <remarks>The writer does not check that keys are unique; a decoder (this one included) rejects duplicates.</remarks>
    public void WriteStartMap(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue / 2);
        WriteHead(CborMajorType.Map, (ulong)count);
        StartContainer(count * 2);
    }

    /// <summary>Writes a tag; the next item written is its content.</summary>
    public void WriteTag(ulong tag)
    {
        WriteHead(CborMajorType.Tag, tag);
        _tagPending = true;
    }

    public void WriteBoolean(bool value) => WriteSimple(value ? (byte)0xf5 : (byte)0xf4);

    public void WriteNull() => WriteSimple(0xf6);

    public void WriteUndefined() => WriteSimple(0xf7);

    /// <summary>Writes the shortest of half, single and double precision that holds <paramref name="value"/> exactly.</summary>
    public void WriteDouble(double value)
    {
        _output.Advance(CborEncoding.WriteDouble(_output.GetSpan(CborEncoding.MaxHeadLength), value));
        CompleteItem();
    }

    private void WriteSimple(byte initial)
    {
        _output.GetSpan(1)[0] = initial;
        _output.Advance(1);
        CompleteItem();
    }

    private void WriteHead(CborMajorType major, ulong argument)
    {
        _output.Advance(CborEncoding.WriteHead(_output.GetSpan(CborEncoding.MaxHeadLength), major, argument));
    }

    private void StartContainer(int items)
    {
        if (items == 0)
        {
            CompleteItem();
            return;
        }

        if (_depth == _remaining.Length)
        {
            Array.Resize(ref _remaining, _depth * 2);
        }

        _remaining[_depth++] = items;
        _tagPending = false;
    }

    /// <summary>One item is done: it fills a slot of the innermost container, which may fill its parent in turn.</summary>
    private void CompleteItem()
    {
        _tagPending = false;
        while (_depth > 0 && --_remaining[_depth - 1] == 0)
        {
            _depth--;
        }
    }
}
