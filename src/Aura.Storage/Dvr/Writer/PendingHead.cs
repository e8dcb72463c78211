namespace Aura.Storage.Dvr.Writer;

/// <summary>A head row encoded by a flush and not yet committed (kept for the next flush if the write fails).</summary>
internal sealed record PendingHead(long BlockStart, long FirstMs, long LastMs, int Ticks, int Samples, byte[] Data);
