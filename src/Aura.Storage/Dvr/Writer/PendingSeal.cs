using Aura.Storage.Dvr.Blocks;

namespace Aura.Storage.Dvr.Writer;

/// <summary>A full block waiting to be written; its rows are encoded once and kept until they commit.</summary>
internal sealed class PendingSeal(OpenBlock block)
{
    public OpenBlock Block { get; } = block;

    public SealedBlock? Rows { get; set; }

    /// <summary>The block's ticks already on disk as head rows when it was sealed (the rest reach the disk with it).</summary>
    public int CommittedTicks { get; set; }
}
