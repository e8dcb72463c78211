using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// The "cpu MHz" lines of /proc/cpuinfo, for machines without cpufreq (most VMs): the clock the kernel last saw per
/// processor, as gopsutil (and so ClaraVerse's <c>cpu.frequency</c>) reported it there. Fills only online CPUs that have
/// no cpufreq reading; allocates nothing.
/// </summary>
internal static class CpuInfoFrequencies
{
    public static void Fill(ReadOnlySpan<byte> content, Span<CoreSample> samples)
    {
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
                processor = AsciiTokens.TryParseLong(value, out var id) ? id : -1;
            }
            else if (key.SequenceEqual("cpu MHz"u8) && processor >= 0 && AsciiTokens.TryParseDouble(value, out var mhz) && mhz > 0)
            {
                Set(samples, processor, mhz);
            }
        }
    }

    private static void Set(Span<CoreSample> samples, long id, double mhz)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            if (samples[i].Id == id && samples[i] is { Online: true, FrequencyMhz: null })
            {
                samples[i] = samples[i] with { FrequencyMhz = mhz };
                return;
            }
        }
    }
}
