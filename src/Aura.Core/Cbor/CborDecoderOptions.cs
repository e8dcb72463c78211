namespace Aura.Core.Cbor;

/// <summary>Limits the decoder enforces so that a hostile peer cannot exhaust the stack or memory.</summary>
public sealed record CborDecoderOptions
{
    /// <summary>The largest <see cref="MaxDepth"/> accepted; the decoder recurses once per level.</summary>
    public const int DepthCeiling = 512;

    private readonly int _maxDepth = 64;
    private readonly int _maxItemLength = 1024 * 1024;

    /// <summary>The defaults: 64 levels, 1 MiB.</summary>
    public static CborDecoderOptions Default { get; } = new();

    /// <summary>
    /// How many arrays, maps and tags may enclose one another (1 to <see cref="DepthCeiling"/>; default 64).
    /// A scalar at the top level has depth 0; <c>[[1]]</c> has depth 2.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, DepthCeiling);
            _maxDepth = value;
        }
    }

    /// <summary>
    /// The most bytes one encoded data item may take (default 1 MiB). A declared length or count that
    /// cannot fit is rejected as soon as its head is read, without waiting for the bytes.
    /// </summary>
    public int MaxItemLength
    {
        get => _maxItemLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxItemLength = value;
        }
    }
}
