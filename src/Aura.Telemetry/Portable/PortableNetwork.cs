using System.Collections.Immutable;
using System.Net.NetworkInformation;
using Aura.Core.Model;
using Aura.Core.Numerics;

namespace Aura.Telemetry.Portable;

/// <summary>Interface totals from System.Net.NetworkInformation, with rates between calls.</summary>
internal sealed class PortableNetwork
{
    private readonly Dictionary<string, NetCounters> _previous = new(StringComparer.Ordinal);
    private TimeSpan _previousAt;

    public NetworkSection Read(Tick tick)
    {
        var elapsed = (tick.Monotonic - _previousAt).TotalSeconds;
        var interfaces = ImmutableArray.CreateBuilder<InterfaceSample>();
        var total = default(NetCounters);
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            var stats = nic.GetIPStatistics();
            var counters = new NetCounters(
                stats.BytesReceived, stats.BytesSent, stats.UnicastPacketsReceived, stats.UnicastPacketsSent,
                stats.IncomingPacketsWithErrors, stats.OutgoingPacketsWithErrors, stats.IncomingPacketsDiscarded,
                OperatingSystem.IsMacOS() ? 0 : stats.OutgoingPacketsDiscarded);
            NetRates? rates = _previous.TryGetValue(nic.Name, out var before) ? RatesOf(before, counters, elapsed) : null;
            _previous[nic.Name] = counters;
            interfaces.Add(new InterfaceSample(nic.Name, counters, rates));
            if (nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            {
                total = new NetCounters(
                    total.RxBytes + counters.RxBytes, total.TxBytes + counters.TxBytes,
                    total.RxPackets + counters.RxPackets, total.TxPackets + counters.TxPackets,
                    total.RxErrors + counters.RxErrors, total.TxErrors + counters.TxErrors,
                    total.RxDrops + counters.RxDrops, total.TxDrops + counters.TxDrops);
            }
        }

        NetRates? totalRates = _previous.TryGetValue("\0total", out var totalBefore) ? RatesOf(totalBefore, total, elapsed) : null;
        _previous["\0total"] = total;
        _previousAt = tick.Monotonic;
        return new NetworkSection(interfaces.ToImmutable(), new InterfaceSample("total", total, totalRates));
    }

    private static NetRates? RatesOf(NetCounters before, NetCounters now, double elapsed) =>
        Rate.PerSecond(before.RxBytes, now.RxBytes, elapsed) is { } rx
        && Rate.PerSecond(before.TxBytes, now.TxBytes, elapsed) is { } tx
        && Rate.PerSecond(before.RxPackets, now.RxPackets, elapsed) is { } rxp
        && Rate.PerSecond(before.TxPackets, now.TxPackets, elapsed) is { } txp
            ? new NetRates(rx, tx, rxp, txp)
            : null;
}
