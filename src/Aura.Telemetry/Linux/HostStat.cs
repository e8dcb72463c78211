using System.Buffers.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>What host identity needs from /proc/stat: the boot time and how many CPUs have a line.</summary>
internal readonly record struct HostStat(DateTimeOffset? BootTime, int Cpus)
{
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static HostStat Parse(ReadOnlySpan<byte> content)
    {
        DateTimeOffset? bootTime = null;
        var cpus = 0;
        foreach (var line in new AsciiLines(content))
        {
            var tokens = new AsciiTokens(line);
            if (!tokens.TryNext(out var key))
            {
                continue;
            }

            if (key.Length > 3 && key.StartsWith("cpu"u8) && Utf8Parser.TryParse(key[3..], out uint _, out var used) && used == key.Length - 3)
            {
                cpus++;
            }
            else if (key.SequenceEqual("btime"u8) && tokens.TryNextLong(out var seconds) && seconds > 0 && seconds <= MaxUnixSeconds)
            {
                bootTime = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return new HostStat(bootTime, cpus);
    }
}
