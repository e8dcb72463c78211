namespace Aura.Core.Model;

/// <summary>Cumulative interface counters, as /proc/net/dev reports them.</summary>
public readonly record struct NetCounters(
    long RxBytes,
    long TxBytes,
    long RxPackets,
    long TxPackets,
    long RxErrors,
    long TxErrors,
    long RxDrops,
    long TxDrops);
