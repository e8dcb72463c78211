using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry.Commands;
using Aura.Telemetry.Gpu.Commands;

namespace Aura.Telemetry.Gpu.NvidiaSmi;

/// <summary>
/// NVIDIA GPUs through <c>nvidia-smi</c>, for machines where NVML cannot be loaded but the tool is on PATH.
/// </summary>
internal sealed class NvidiaSmiSource(string executable, TimeProvider clock, TimeSpan timeout, TimeSpan firstWait)
    : SmiSource(executable, clock, timeout, firstWait)
{
    private List<string> _fields = [.. NvidiaSmiFields.All];

    /// <summary>One reading: the GPUs, then their compute processes. Fields an older driver refuses are dropped for good.</summary>
    internal override async Task<ImmutableArray<GpuSample>> QueryAsync(CancellationToken cancellationToken)
    {
        CommandResult result;
        while (true)
        {
            result = await RunToolAsync(NvidiaSmiFields.GpuQuery(_fields), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded || NvidiaSmiParser.RefusedField(result.Output) is not { } refused || !_fields.Remove(refused))
            {
                break;
            }
        }

        if (!result.Succeeded)
        {
            return [];
        }

        var gpus = NvidiaSmiParser.ParseGpus(result.Stdout, _fields);
        if (gpus.IsEmpty)
        {
            return gpus;
        }

        var apps = await RunToolAsync(NvidiaSmiFields.AppsQuery, cancellationToken).ConfigureAwait(false);
        return apps.Succeeded ? WithProcesses(gpus, NvidiaSmiParser.ParseApps(apps.Stdout)) : gpus;
    }

    private static ImmutableArray<GpuSample> WithProcesses(ImmutableArray<GpuSample> gpus, Dictionary<string, List<GpuProcess>> apps)
    {
        var builder = ImmutableArray.CreateBuilder<GpuSample>(gpus.Length);
        foreach (var gpu in gpus)
        {
            ImmutableArray<GpuProcess> processes = gpu.Uuid is { } uuid && apps.TryGetValue(uuid, out var list) ? [.. list] : [];
            builder.Add(gpu with { Processes = processes });
        }

        return builder.MoveToImmutable();
    }
}
