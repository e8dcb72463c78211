using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// The "cpu MHz" lines of /proc/cpuinfo, for machines without cpufreq (most VMs and containers): the clock the kernel
/// last saw per processor, as gopsutil (and so ClaraVerse's <c>cpu.frequency</c>) reported it there. Reading cpuinfo
/// costs about three /proc/stat reads (bench/load/cpuinfo-read.sh), and a VM's figure rarely moves, so the values are
/// parsed once every <see cref="RefreshReads"/> reads and reused in between. Allocates only when the CPU count grows.
/// </summary>
internal static class CpuInfoFrequencies
{
    public const int RefreshReads = 30;

    /// <summary>Parses every processor's clock into <paramref name="mhzById"/> (0 where none), growing it as needed.</summary>
    public static void Parse(ReadOnlySpan<byte> content, ref double[] mhzById)
    {
        Array.Clear(mhzById);
        long processor = -1;
        while (!content.IsEmpty)
        {
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? default : content[(end + 1)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].TrimEnd(" \t"u8);
            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (key.SequenceEqual("processor"u8))
            {
                processor = AsciiTokens.TryParseLong(value, out var id) && id is >= 0 and < CpuRangeList.MaxCpus ? id : -1;
            }
            else if (key.SequenceEqual("cpu MHz"u8) && processor >= 0 && AsciiTokens.TryParseDouble(value, out var mhz) && mhz > 0)
            {
                if (processor >= mhzById.Length)
                {
                    Array.Resize(ref mhzById, (int)processor + 1);
                }

                mhzById[processor] = mhz;
            }
        }
    }

    /// <summary>Gives online CPUs without a cpufreq reading their cpuinfo clock.</summary>
    public static void Apply(ReadOnlySpan<double> mhzById, Span<CoreSample> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var id = samples[i].Id;
            if (samples[i] is { Online: true, FrequencyMhz: null } && id < mhzById.Length && mhzById[id] > 0)
            {
                samples[i] = samples[i] with { FrequencyMhz = mhzById[id] };
            }
        }
    }
}
