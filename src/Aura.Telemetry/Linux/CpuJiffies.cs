using System.Buffers.Text;
using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// The counters of one cpu line of /proc/stat, in USER_HZ ticks. Guest and guest_nice are not kept: the kernel
/// already counts them inside user and nice, so adding them to the total would count that time twice.
/// </summary>
internal readonly record struct CpuJiffies(
    ulong User,
    ulong Nice,
    ulong System,
    ulong Idle,
    ulong IoWait,
    ulong Irq,
    ulong SoftIrq,
    ulong Steal)
{
    private const int KeptFields = 8;

    /// <summary>Kernels since 2.6 print at least user, nice, system and idle; older fields missing read as 0.</summary>
    private const int MinimumFields = 4;

    /// <summary>
    /// Parses the numbers after the "cpu"/"cpuN" label. <paramref name="fieldCount"/> is how many there were, guest
    /// ones included, so a caller can tell a line cut short from a complete one. False on any non-number.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> fields, out CpuJiffies jiffies, out int fieldCount)
    {
        jiffies = default;
        fieldCount = 0;
        Span<ulong> values = stackalloc ulong[KeptFields];
        values.Clear();
        var tokens = new AsciiTokens(fields);
        while (tokens.TryNext(out var token))
        {
            if (!Utf8Parser.TryParse(token, out ulong value, out var used) || used != token.Length)
            {
                return false;
            }

            if (fieldCount < KeptFields)
            {
                values[fieldCount] = value;
            }

            fieldCount++;
        }

        if (fieldCount < MinimumFields)
        {
            return false;
        }

        jiffies = new CpuJiffies(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        return true;
    }

    /// <summary>
    /// Shares of the time that passed between two readings, measured by the counters themselves.
    /// Null when a counter went backwards (a reset: no rate rather than a spike) or no tick passed.
    /// </summary>
    public static CpuTimes? Share(in CpuJiffies earlier, in CpuJiffies later)
    {
        if (later.User < earlier.User || later.Nice < earlier.Nice || later.System < earlier.System
            || later.Irq < earlier.Irq || later.SoftIrq < earlier.SoftIrq || later.Steal < earlier.Steal)
        {
            return null;
        }

        // The kernel may re-file idle time as iowait or back after the fact ("the value of iowait field in
        // /proc/stat will decrease in certain conditions", Documentation/filesystems/proc.rst), so idle and iowait
        // are compared as a pair: only the pair going backwards is a reset.
        var idleBefore = earlier.Idle + earlier.IoWait;
        var idleAfter = later.Idle + later.IoWait;
        if (idleAfter < idleBefore)
        {
            return null;
        }

        var idleAndIoWait = idleAfter - idleBefore;
        var ioWait = Math.Min(later.IoWait >= earlier.IoWait ? later.IoWait - earlier.IoWait : 0, idleAndIoWait);
        var user = later.User - earlier.User;
        var nice = later.Nice - earlier.Nice;
        var system = later.System - earlier.System;
        var irq = later.Irq - earlier.Irq;
        var softIrq = later.SoftIrq - earlier.SoftIrq;
        var steal = later.Steal - earlier.Steal;
        var total = user + nice + system + irq + softIrq + steal + idleAndIoWait;
        if (total == 0)
        {
            return null;
        }

        double elapsed = total;
        return new CpuTimes(
            user / elapsed,
            nice / elapsed,
            system / elapsed,
            ioWait / elapsed,
            irq / elapsed,
            softIrq / elapsed,
            steal / elapsed,
            (idleAndIoWait - ioWait) / elapsed);
    }
}
