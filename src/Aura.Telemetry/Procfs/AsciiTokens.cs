using System.Buffers.Text;

namespace Aura.Telemetry.Procfs;

/// <summary>Splits an ASCII line on spaces and tabs without allocating, with invariant number parsing.</summary>
internal ref struct AsciiTokens
{
    private ReadOnlySpan<byte> _rest;

    public AsciiTokens(ReadOnlySpan<byte> line) => _rest = line;

    /// <summary>What has not been consumed yet, leading whitespace included.</summary>
    public readonly ReadOnlySpan<byte> Rest => _rest;

    public bool TryNext(out ReadOnlySpan<byte> token)
    {
        var start = 0;
        while (start < _rest.Length && IsSpace(_rest[start]))
        {
            start++;
        }

        if (start == _rest.Length)
        {
            token = default;
            _rest = default;
            return false;
        }

        var end = start;
        while (end < _rest.Length && !IsSpace(_rest[end]))
        {
            end++;
        }

        token = _rest[start..end];
        _rest = _rest[end..];
        return true;
    }

    public bool TryNextLong(out long value)
    {
        value = 0;
        return TryNext(out var token) && TryParseLong(token, out value);
    }

    public bool TryNextULong(out ulong value)
    {
        value = 0;
        return TryNext(out var token) && Utf8Parser.TryParse(token, out value, out var used) && used == token.Length;
    }

    public bool TryNextDouble(out double value)
    {
        value = 0;
        return TryNext(out var token) && TryParseDouble(token, out value);
    }

    public bool Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!TryNext(out _))
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParseLong(ReadOnlySpan<byte> token, out long value) =>
        Utf8Parser.TryParse(token, out value, out var used) && used == token.Length;

    public static bool TryParseDouble(ReadOnlySpan<byte> token, out double value) =>
        Utf8Parser.TryParse(token, out value, out var used) && used == token.Length && double.IsFinite(value);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
