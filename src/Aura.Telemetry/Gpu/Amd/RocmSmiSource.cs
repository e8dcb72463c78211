using System.Collections.Immutable;
using System.Text.Json;
using Aura.Core.Model;
using Aura.Telemetry.Commands;
using Aura.Telemetry.Gpu.Commands;

namespace Aura.Telemetry.Gpu.Amd;

/// <summary>
/// AMD GPUs through <c>rocm-smi --json</c>, for machines where amdgpu's sysfs files are not readable (a container that
/// masks /sys) but the tool is on PATH. Run in the background like nvidia-smi: a tick gets the newest finished reading.
/// </summary>
internal sealed class RocmSmiSource : IGpuSource
{
    public static readonly string[] Arguments =
    [
        "--showproductname", "--showuniqueid", "--showuse", "--showmemuse", "--showmeminfo", "vram", "--showtemp",
        "--showpower", "--showmaxpower", "--showfan", "--showclocks", "--json",
    ];

    private readonly string _executable;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly BackgroundQuery<ImmutableArray<GpuSample>> _query;

    public RocmSmiSource(string executable, TimeProvider clock, TimeSpan timeout, TimeSpan firstWait)
    {
        _executable = executable;
        _clock = clock;
        _timeout = timeout;
        _query = new BackgroundQuery<ImmutableArray<GpuSample>>(QueryAsync, [], firstWait);
    }

    public ImmutableArray<GpuSample> Read(int firstIndex) => GpuIndexes.Offset(_query.Latest(), firstIndex);

    public void Dispose() => _query.Dispose();

    internal async Task<ImmutableArray<GpuSample>> QueryAsync(CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(_executable, Arguments, _timeout, _clock, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return [];
        }

        try
        {
            return RocmSmiParser.Parse(result.Stdout);
        }
        catch (JsonException)
        {
            // rocm-smi prints warnings before its JSON on some releases; without a parsable object there is no reading.
            var start = result.Stdout.IndexOf('{', StringComparison.Ordinal);
            return start > 0 ? TryParse(result.Stdout[start..]) : [];
        }
    }

    private static ImmutableArray<GpuSample> TryParse(string json)
    {
        try
        {
            return RocmSmiParser.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
