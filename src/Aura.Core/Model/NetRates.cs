namespace Aura.Core.Model;

/// <summary>Per-second rates over the real elapsed time between two samples.</summary>
public readonly record struct NetRates(
    double RxBytesPerSecond,
    double TxBytesPerSecond,
    double RxPacketsPerSecond,
    double TxPacketsPerSecond);
