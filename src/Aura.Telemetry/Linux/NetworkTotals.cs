using Aura.Core.Model;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Sums interfaces into the "total" sample. Counters are summed over every interface passed in. The total rate is the
/// sum of the rates that are known this tick: an interface on its first read or after a counter reset adds nothing
/// for that one tick rather than hiding the total (containers start and stop veth interfaces all the time). It is
/// null only when no interface has a rate, as on the first read.
/// </summary>
internal struct NetworkTotals
{
    private NetCounters _counters;
    private NetRates _rates;
    private bool _hasRates;

    public void Add(NetCounters counters, NetRates? rates)
    {
        _counters = new NetCounters(
            _counters.RxBytes + counters.RxBytes,
            _counters.TxBytes + counters.TxBytes,
            _counters.RxPackets + counters.RxPackets,
            _counters.TxPackets + counters.TxPackets,
            _counters.RxErrors + counters.RxErrors,
            _counters.TxErrors + counters.TxErrors,
            _counters.RxDrops + counters.RxDrops,
            _counters.TxDrops + counters.TxDrops);
        if (rates is { } known)
        {
            _rates = new NetRates(
                _rates.RxBytesPerSecond + known.RxBytesPerSecond,
                _rates.TxBytesPerSecond + known.TxBytesPerSecond,
                _rates.RxPacketsPerSecond + known.RxPacketsPerSecond,
                _rates.TxPacketsPerSecond + known.TxPacketsPerSecond);
            _hasRates = true;
        }
    }

    public readonly InterfaceSample ToSample() => new("total", _counters, _hasRates ? _rates : null);
}
