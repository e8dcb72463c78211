using Aura.Storage.Dvr.Blocks;

namespace Aura.Storage.Dvr.Writer;

/// <summary>A full block waiting to be written; its rows are encoded once and kept until they commit.</summary>
internal sealed class PendingSeal(OpenBlock block)
{
    public OpenBlock Block { get; } = block;

    public SealedBlock? Rows { get; set; }
}
