using System.Collections.Immutable;
using System.Text.Json;
using Aura.Core.Model;
using Aura.Telemetry.Gpu.Commands;

namespace Aura.Telemetry.Gpu.Amd;

/// <summary>
/// AMD GPUs through <c>rocm-smi --json</c>, for machines where amdgpu's sysfs files are not readable (a container that
/// masks /sys) but the tool is on PATH.
/// </summary>
internal sealed class RocmSmiSource(string executable, TimeProvider clock, TimeSpan timeout, TimeSpan firstWait)
    : SmiSource(executable, clock, timeout, firstWait)
{
    public static readonly string[] Arguments =
    [
        "--showproductname", "--showuniqueid", "--showuse", "--showmemuse", "--showmeminfo", "vram", "--showtemp",
        "--showpower", "--showmaxpower", "--showfan", "--showclocks", "--json",
    ];

    internal override async Task<ImmutableArray<GpuSample>> QueryAsync(CancellationToken cancellationToken)
    {
        var result = await RunToolAsync(Arguments, cancellationToken).ConfigureAwait(false);
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
