using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry.Commands;

namespace Aura.Telemetry.Gpu.Commands;

/// <summary>
/// A GPU source that runs a vendor tool (<c>nvidia-smi</c>, <c>rocm-smi</c>). The tool takes tens to hundreds of
/// milliseconds, so it runs in the background (<see cref="BackgroundQuery{T}"/>): a tick gets the newest finished
/// reading, at most one tick old at 1 Hz. A run that fails or overruns its timeout gives no GPUs until one
/// succeeds again.
/// </summary>
internal abstract class SmiSource : IGpuSource
{
    private readonly string _executable;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly BackgroundQuery<ImmutableArray<GpuSample>> _query;

    protected SmiSource(string executable, TimeProvider clock, TimeSpan timeout, TimeSpan firstWait)
    {
        _executable = executable;
        _clock = clock;
        _timeout = timeout;
        _query = new BackgroundQuery<ImmutableArray<GpuSample>>(QueryAsync, [], firstWait);
    }

    public ImmutableArray<GpuSample> Read(int firstIndex) => GpuIndexes.Offset(_query.Latest(), firstIndex);

    public void Dispose() => _query.Dispose();

    /// <summary>One reading, run off the tick; empty when the tool gives none.</summary>
    internal abstract Task<ImmutableArray<GpuSample>> QueryAsync(CancellationToken cancellationToken);

    /// <summary>Runs the tool once with <paramref name="arguments"/>, under the source's timeout.</summary>
    protected Task<CommandResult> RunToolAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(_executable, arguments, _timeout, _clock, cancellationToken);
}
