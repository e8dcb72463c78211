using System.Collections.Immutable;

namespace Aura.Controls;

/// <summary>
/// <c>cpu_governor</c>: the cpufreq governor of every CPU frequency policy (any Linux with cpufreq), written to each
/// <c>scaling_governor</c>; the choices are <c>scaling_available_governors</c>.
/// </summary>
internal sealed class CpuGovernorControl(SysfsWriter sysfs) : IHardwareControl
{
    private const string Description = "CPU frequency governor, set on every cpufreq policy.";

    public string Name => "cpu_governor";

    public ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    private ControlInfo Read()
    {
        var policies = Policies();
        if (policies.IsEmpty)
        {
            return ControlInfos.Unsupported(Name, Description, "no cpufreq (sys/devices/system/cpu/cpufreq/policy*)");
        }

        var options = Words(sysfs.Read(policies[0] + "/scaling_available_governors"));
        var current = new List<string>();
        foreach (var policy in policies)
        {
            if (sysfs.Read(policy + "/scaling_governor") is { Length: > 0 } governor && !current.Contains(governor))
            {
                current.Add(governor);
            }
        }

        return ControlInfos.Choice(Name, Description, string.Join(',', current), options);
    }

    public ValidatedValue Validate(string value, ControlInfo current) =>
        current.Options.Contains(value.Trim())
            ? ValidatedValue.Ok(value.Trim())
            : ValidatedValue.Bad($"cpu_governor must be one of {string.Join(", ", current.Options)}, not '{value}'");

    public ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken)
    {
        foreach (var policy in Policies())
        {
            if (sysfs.Write(policy + "/scaling_governor", value) is { } problem)
            {
                return ValueTask.FromResult<string?>(problem);
            }
        }

        return ValueTask.FromResult<string?>(null);
    }

    internal static ImmutableArray<string> Words(string? text) =>
        [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>cpufreq policies, or (older kernels) each CPU's cpufreq directory, as paths under the root.</summary>
    private ImmutableArray<string> Policies()
    {
        foreach (var (parent, pattern, suffix) in new[] { ("sys/devices/system/cpu/cpufreq", "policy*", ""), ("sys/devices/system/cpu", "cpu*", "/cpufreq") })
        {
            var full = sysfs.FullPath(parent);
            if (!Directory.Exists(full))
            {
                continue;
            }

            var found = Directory.EnumerateDirectories(full, pattern)
                .Select(d => $"{parent}/{Path.GetFileName(d)}{suffix}")
                .Where(d => File.Exists(sysfs.FullPath(d + "/scaling_governor")))
                .Order(StringComparer.Ordinal)
                .ToImmutableArray();
            if (!found.IsEmpty)
            {
                return found;
            }
        }

        return [];
    }
}
