using System.Buffers;
using System.Collections.Immutable;
using System.Text;
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
    private readonly Dictionary<string, NetworkState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkState>.AlternateLookup<ReadOnlySpan<char>> _statesByName;
    private InterfaceSample[] _scratch = new InterfaceSample[16];
    private int _pass;

    public NetworkReader(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _path = Path.Join(root, "proc", "net", "dev");
        _file = new KernelFile(_path);
        _statesByName = _states.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Dispose() => _file.Dispose();

    public NetworkSection Read(Tick tick)
    {
        if (!_file.TryRead(ref _buffer, out var content))
        {
            return NetworkSection.Empty;
        }

        _pass++;
        var count = 0;
        var total = default(NetworkTotals);
        foreach (var line in new AsciiLines(content))
        {
            if (!NetworkDevLine.TryParse(line, out var name, out var counters)
                || Intern(name) is not { } state
                || state.SeenInPass == _pass)
            {
                continue;
            }

            state.SeenInPass = _pass;
            var rates = Rates(state, counters, tick.Monotonic);
            if (!state.IsLoopback)
            {
                total.Add(counters, rates);
            }

            if (count == _scratch.Length)
            {
                Array.Resize(ref _scratch, count * 2);
            }

            _scratch[count++] = new InterfaceSample(state.Name, counters, rates);
            state.Previous = counters;
            state.PreviousAt = tick.Monotonic;
            state.HasPrevious = true;
        }

        if (count < _states.Count)
        {
            ForgetUnseen();
        }

        return new NetworkSection(ImmutableArray.Create(_scratch, 0, count), total.ToSample());
    }

    private static NetRates? Rates(NetworkState state, NetCounters now, TimeSpan at)
    {
        var was = state.Previous;
        var elapsed = (at - state.PreviousAt).TotalSeconds;
        if (!state.HasPrevious || elapsed <= 0
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

    private NetworkState? Intern(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[MaxNameLength];
        if (name.Length > MaxNameLength || Ascii.ToUtf16(name, chars, out var length) != OperationStatus.Done)
        {
            return null;
        }

        if (_statesByName.TryGetValue(chars[..length], out var state))
        {
            return state;
        }

        var text = new string(chars[..length]);
        state = new NetworkState(text);
        _states.Add(text, state);
        return state;
    }

    private void ForgetUnseen()
    {
        foreach (var (name, state) in _states)
        {
            if (state.SeenInPass != _pass)
            {
                _states.Remove(name);
            }
        }
    }
}
