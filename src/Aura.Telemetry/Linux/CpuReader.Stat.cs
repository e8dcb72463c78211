using System.Buffers.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

public sealed partial class CpuReader
{
    /// <summary>Parses /proc/stat: the aggregate and per-CPU lines into the core states, and the machine-wide counters.</summary>
    private CpuStatTotals ReadStat()
    {
        for (var id = 0; id < _cores.Length; id++)
        {
            _cores[id]?.Forget();
        }

        if (!_stat.TryRead(ref _buffer, out var content))
        {
            return default;
        }

        CpuJiffies? total = null;
        ulong? contextSwitches = null;
        int? running = null;
        int? blocked = null;
        var expectedFields = 0;
        foreach (var line in new AsciiLines(content))
        {
            var tokens = new AsciiTokens(line);
            if (!tokens.TryNext(out var key))
            {
                continue;
            }

            if (key.StartsWith("cpu"u8))
            {
                if (!CpuJiffies.TryParse(tokens.Rest, out var jiffies, out var fields))
                {
                    continue;
                }

                if (key.Length == 3)
                {
                    total = jiffies;
                    expectedFields = fields;
                }
                else if (TryParseCpuId(key[3..], out var id) && (expectedFields == 0 || fields == expectedFields))
                {
                    // Every cpu line has as many fields as the aggregate one; fewer means the line was cut short.
                    CoreAt(id).Observe(jiffies);
                }
            }
            else if (key.SequenceEqual("ctxt"u8) && tokens.TryNextULong(out var switches))
            {
                contextSwitches = switches;
            }
            else if (key.SequenceEqual("procs_running"u8) && TryNextCount(ref tokens, out var runningNow))
            {
                running = runningNow;
            }
            else if (key.SequenceEqual("procs_blocked"u8) && TryNextCount(ref tokens, out var blockedNow))
            {
                blocked = blockedNow;
            }
        }

        return new CpuStatTotals(total, contextSwitches, running, blocked);
    }

    private static bool TryParseCpuId(ReadOnlySpan<byte> digits, out int id)
    {
        id = 0;
        return !digits.IsEmpty && char.IsAsciiDigit((char)digits[0])
            && Utf8Parser.TryParse(digits, out id, out var used) && used == digits.Length && id < MaxCpus;
    }

    private static bool TryNextCount(ref AsciiTokens tokens, out int count)
    {
        count = 0;
        if (!tokens.TryNextLong(out var value) || value < 0 || value > int.MaxValue)
        {
            return false;
        }

        count = (int)value;
        return true;
    }
}
