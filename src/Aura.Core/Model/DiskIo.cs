namespace Aura.Core.Model;

/// <summary>Block device I/O. Totals are cumulative since boot; rates are null on the first sample and after a reset.</summary>
public readonly record struct DiskIo(
    string Device,
    long ReadBytesTotal,
    long WriteBytesTotal,
    long ReadOpsTotal,
    long WriteOpsTotal,
    double? ReadBytesPerSecond,
    double? WriteBytesPerSecond,
    double? ReadOpsPerSecond,
    double? WriteOpsPerSecond,
    double? BusyRatio);
