using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Gpu;

/// <summary>Joins the GPUs' process lists to the top-k: a process's GPU memory is the sum over the GPUs it uses.</summary>
internal static class ProcessGpuMemory
{
    /// <summary>The processes with <see cref="ProcessSample.GpuMemoryBytes"/> set where a GPU lists them; the same array when none does.</summary>
    public static ImmutableArray<ProcessSample> Join(ImmutableArray<ProcessSample> processes, ImmutableArray<GpuSample> gpus)
    {
        if (gpus.IsDefaultOrEmpty || processes.IsDefaultOrEmpty || !AnyProcesses(gpus))
        {
            return processes;
        }

        ImmutableArray<ProcessSample>.Builder? joined = null;
        for (var i = 0; i < processes.Length; i++)
        {
            if (MemoryOf(processes[i].Pid, gpus) is { } bytes)
            {
                joined ??= processes.ToBuilder();
                joined[i] = processes[i] with { GpuMemoryBytes = bytes };
            }
        }

        return joined?.MoveToImmutable() ?? processes;
    }

    private static bool AnyProcesses(ImmutableArray<GpuSample> gpus)
    {
        foreach (var gpu in gpus)
        {
            if (gpu.Processes is { IsEmpty: false })
            {
                return true;
            }
        }

        return false;
    }

    private static long? MemoryOf(int pid, ImmutableArray<GpuSample> gpus)
    {
        long? total = null;
        foreach (var gpu in gpus)
        {
            if (gpu.Processes is not { } processes)
            {
                continue;
            }

            foreach (var process in processes)
            {
                if (process.Pid == pid && process.UsedMemoryBytes is { } used)
                {
                    total = (total ?? 0) + used;
                }
            }
        }

        return total;
    }
}
