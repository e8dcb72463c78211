using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Core.Numerics;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Interface counters and rates from <c>{root}/proc/net/dev</c>, in the kernel's order. Rates are over the real time
/// between two reads and null on an interface's first read or when a byte or packet counter went backwards. The
/// total covers every interface but loopback <c>lo</c>, bridges and veth pairs included, as the model defines it
/// (so traffic routed through docker0 to eth0 counts twice); see <see cref="NetworkTotals"/> for its rate.
/// Allocates only the returned section and its array in steady state. Not thread-safe.
/// </summary>
public sealed class NetworkReader : IDisposable
{
    /// <summary>IFNAMSIZ is 16 including the terminator; aliases (eth0:1) add a little.</summary>
    private const int MaxNameLength = 32;

    private readonly string _path;
    private readonly KernelFile _file;
    private byte[] _buffer = new byte[8192];
    private readonly DeviceTable<NetCounters> _interfaces = new(MaxNameLength, name => name != "lo");
    private InterfaceSample[] _scratch = new InterfaceSample[16];

    public NetworkReader(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _path = Path.Join(root, "proc", "net", "dev");
        _file = new KernelFile(_path);
    }

    public void Dispose() => _file.Dispose();

    public NetworkSection Read(Tick tick)
    {
        if (!_file.TryRead(ref _buffer, out var content))
        {
            return NetworkSection.Empty;
        }

        _interfaces.BeginPass();
        var count = 0;
        var total = default(NetworkTotals);
        foreach (var line in new AsciiLines(content))
        {
            if (!NetworkDevLine.TryParse(line, out var name, out var counters) || !_interfaces.TryVisit(name, out var state))
            {
                continue;
            }

            // Selected: every interface but loopback counts toward the total.
            var rates = Rates(state, counters, tick.Monotonic);
            if (state.Selected)
            {
                total.Add(counters, rates);
            }

            if (count == _scratch.Length)
            {
                Array.Resize(ref _scratch, count * 2);
            }

            _scratch[count++] = new InterfaceSample(state.Name, counters, rates);
            state.Remember(counters, tick.Monotonic);
        }

        _interfaces.EndPass();
        return new NetworkSection(ImmutableArray.Create(_scratch, 0, count), total.ToSample());
    }

    private static NetRates? Rates(DeviceState<NetCounters> state, NetCounters now, TimeSpan at)
    {
        var was = state.Previous;
        if (!state.TryElapsedSince(at, out var elapsed)
            || now.RxBytes < was.RxBytes || now.TxBytes < was.TxBytes
            || now.RxPackets < was.RxPackets || now.TxPackets < was.TxPackets)
        {
            return null;
        }

        return new NetRates(
            Rate.PerSecond(was.RxBytes, now.RxBytes, elapsed) ?? 0,
            Rate.PerSecond(was.TxBytes, now.TxBytes, elapsed) ?? 0,
            Rate.PerSecond(was.RxPackets, now.RxPackets, elapsed) ?? 0,
            Rate.PerSecond(was.TxPackets, now.TxPackets, elapsed) ?? 0);
    }
}
