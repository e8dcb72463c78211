namespace Aura.Storage.Dvr;

/// <summary>Raised after a flush commits: every tick up to <see cref="Through"/> is durable.</summary>
public sealed class DvrFlushedEventArgs(DateTimeOffset through, int ticks, int sealedBlocks = 0) : EventArgs
{
    /// <summary>The timestamp of the newest durable tick.</summary>
    public DateTimeOffset Through { get; } = through;

    /// <summary>Ticks this flush made durable.</summary>
    public int Ticks { get; } = ticks;

    /// <summary>Blocks this flush sealed (each rebuilt in memory from its head rows to be encoded).</summary>
    public int SealedBlocks { get; } = sealedBlocks;
}
