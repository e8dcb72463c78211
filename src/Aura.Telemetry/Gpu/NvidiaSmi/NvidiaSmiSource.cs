using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry.Commands;
using Aura.Telemetry.Gpu.Commands;

namespace Aura.Telemetry.Gpu.NvidiaSmi;

/// <summary>
/// NVIDIA GPUs through <c>nvidia-smi</c>, for machines where NVML cannot be loaded but the tool is on PATH. The tool
/// takes tens to hundreds of milliseconds, so it runs in the background (<see cref="BackgroundQuery{T}"/>): a tick
/// gets the newest finished reading, at most one tick old at 1 Hz. A run that fails or overruns its timeout
/// gives no GPUs until one succeeds again.
/// </summary>
internal sealed class NvidiaSmiSource : IGpuSource
{
    private readonly string _executable;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly BackgroundQuery<ImmutableArray<GpuSample>> _query;
    private List<string> _fields = [.. NvidiaSmiFields.All];

    public NvidiaSmiSource(string executable, TimeProvider clock, TimeSpan timeout, TimeSpan firstWait)
    {
        _executable = executable;
        _clock = clock;
        _timeout = timeout;
        _query = new BackgroundQuery<ImmutableArray<GpuSample>>(QueryAsync, [], firstWait);
    }

    public ImmutableArray<GpuSample> Read(int firstIndex) => GpuIndexes.Offset(_query.Latest(), firstIndex);

    public void Dispose() => _query.Dispose();

    /// <summary>One reading: the GPUs, then their compute processes. Fields an older driver refuses are dropped for good.</summary>
    internal async Task<ImmutableArray<GpuSample>> QueryAsync(CancellationToken cancellationToken)
    {
        CommandResult result;
        while (true)
        {
            result = await CommandRunner.RunAsync(_executable, NvidiaSmiFields.GpuQuery(_fields), _timeout, _clock, cancellationToken).ConfigureAwait(false);
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

        var apps = await CommandRunner.RunAsync(_executable, NvidiaSmiFields.AppsQuery, _timeout, _clock, cancellationToken).ConfigureAwait(false);
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
