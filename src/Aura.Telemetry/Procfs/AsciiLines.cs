namespace Aura.Telemetry.Procfs;

/// <summary>Enumerates the lines of an ASCII buffer without allocating. A trailing line without '\n' is still a line.</summary>
internal ref struct AsciiLines
{
    private ReadOnlySpan<byte> _rest;

    public AsciiLines(ReadOnlySpan<byte> text)
    {
        _rest = text;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly AsciiLines GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
        {
            return false;
        }

        var newline = _rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            Current = _rest;
            _rest = default;
        }
        else
        {
            Current = _rest[..newline];
            _rest = _rest[(newline + 1)..];
        }

        return true;
    }
}
