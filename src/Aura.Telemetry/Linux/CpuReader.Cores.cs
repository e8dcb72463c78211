using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

public sealed partial class CpuReader
{
    private const int MaxCpus = CpuRangeList.MaxCpus;

    private readonly KernelFile _presentFile;
    private readonly KernelFile _onlineFile;
    private CpuCoreState?[] _cores = [];
    private bool[] _presentMask = [];
    private bool[] _onlineMask = [];
    private double[] _cpuInfoMhz = [];
    private int _cpuInfoReadsLeft;

    /// <summary>
    /// One entry per CPU that is present (sysfs) or has a line in /proc/stat, in id order, so offline CPUs show
    /// with Online=false and no usage. Without sysfs (some containers) the CPUs of /proc/stat are all there is.
    /// </summary>
    private ImmutableArray<CoreSample> ReadCores()
    {
        ReadMask(_presentFile, online: false);
        var onlineKnown = ReadMask(_onlineFile, online: true);
        var count = 0;
        for (var id = 0; id < _cores.Length; id++)
        {
            count += IsListed(id) ? 1 : 0;
        }

        var samples = count == 0 ? [] : new CoreSample[count];
        var next = 0;
        var missingFrequency = false;
        for (var id = 0; id < _cores.Length; id++)
        {
            if (!IsListed(id))
            {
                _cores[id]?.Advance();
                continue;
            }

            var core = CoreAt(id);
            var online = IsOnline(core, id, onlineKnown);
            if (core.WasOnline != online)
            {
                // A CPU coming online may bring its cpufreq policy with it.
                core.Frequency.Reprobe();
                core.WasOnline = online;
            }

            samples[next++] = new CoreSample(id, online, core.Advance(), online ? ReadFrequencyMhz(core) : null);
            missingFrequency |= online && samples[next - 1].FrequencyMhz is null;
        }

        if (missingFrequency)
        {
            if (--_cpuInfoReadsLeft <= 0 && _cpuInfo.TryRead(ref _buffer, out var cpuInfo))
            {
                CpuInfoFrequencies.Parse(cpuInfo, ref _cpuInfoMhz);
                _cpuInfoReadsLeft = CpuInfoFrequencies.RefreshReads;
            }

            CpuInfoFrequencies.Apply(_cpuInfoMhz, samples);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(samples);
    }

    private bool IsListed(int id) => _cores[id] is { InStat: true } || _presentMask[id] || _onlineMask[id];

    private bool IsOnline(CpuCoreState core, int id, bool onlineKnown)
    {
        if (onlineKnown)
        {
            return _onlineMask[id];
        }

        if (core.OnlineFile.TryRead(ref _buffer, out var content))
        {
            var flag = content.TrimEnd(" \t\r\n"u8);
            if (flag.SequenceEqual("1"u8) || flag.SequenceEqual("0"u8))
            {
                return flag[0] == (byte)'1';
            }
        }

        return core.InStat;
    }

    private double? ReadFrequencyMhz(CpuCoreState core)
    {
        if (!core.Frequency.TryRead(ref _buffer, out var content))
        {
            return null;
        }

        var tokens = new AsciiTokens(content);
        return tokens.TryNextLong(out var kilohertz) && kilohertz > 0 ? kilohertz / 1000.0 : null;
    }

    /// <summary>
    /// Reads a cpulist file into its mask; false (and an empty mask) when it is missing, unparseable or empty:
    /// at least the CPU doing the reading is present and online, so an empty list is a broken file.
    /// </summary>
    private bool ReadMask(KernelFile file, bool online)
    {
        Array.Clear(online ? _onlineMask : _presentMask);
        if (!file.TryRead(ref _buffer, out var content)
            || !CpuRangeList.TryGetHighest(content, MaxCpus, out var highest) || highest < 0)
        {
            return false;
        }

        EnsureCapacity(highest + 1);
        CpuRangeList.Mark(content, online ? _onlineMask : _presentMask);
        return true;
    }

    private CpuCoreState CoreAt(int id)
    {
        EnsureCapacity(id + 1);
        return _cores[id] ??= new CpuCoreState(_cpuDirectory, id);
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _cores.Length)
        {
            return;
        }

        var size = Math.Min(Math.Max(count, _cores.Length * 2), MaxCpus);
        Array.Resize(ref _cores, size);
        Array.Resize(ref _presentMask, size);
        Array.Resize(ref _onlineMask, size);
    }
}
