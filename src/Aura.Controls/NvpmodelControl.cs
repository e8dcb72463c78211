using System.Collections.Immutable;
using System.Globalization;
using Aura.Telemetry.Commands;
using Aura.Telemetry.Jetson;

namespace Aura.Controls;

/// <summary>
/// <c>nvpmodel</c>: the Jetson power mode. A mode is asked for by id or by its name in <c>/etc/nvpmodel.conf</c>; Aura
/// always runs <c>nvpmodel -m &lt;id&gt;</c>, the numeric id the tool wants. The current mode comes from <c>nvpmodel -q</c>.
/// </summary>
internal sealed class NvpmodelControl(string root, string searchPath, TimeSpan toolTimeout) : IHardwareControl
{
    private const string Description = "Jetson power mode (nvpmodel), by id or by name from /etc/nvpmodel.conf.";

    public string Name => "nvpmodel";

    public async ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken)
    {
        var modes = NvpmodelConf.Read(root);
        if (modes.IsEmpty)
        {
            return ControlInfos.Unsupported(Name, Description, $"no power modes in {Path.Combine(root, NvpmodelConf.RelativePath)}");
        }

        if (ExecutableSearch.Find(Name, searchPath) is null)
        {
            return ControlInfos.Unsupported(Name, Description, "the nvpmodel tool is not installed");
        }

        var query = await RunAsync(["-q"], cancellationToken);
        var current = query.Succeeded ? Current(query.Stdout, modes) : "";
        return ControlInfos.Choice(Name, Description, current, [.. modes.Select(m => m.Name)]);
    }

    public ValidatedValue Validate(string value, ControlInfo current)
    {
        var modes = NvpmodelConf.Read(root);
        var text = value.Trim();
        foreach (var mode in modes)
        {
            if (string.Equals(mode.Name, text, StringComparison.OrdinalIgnoreCase)
                || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == mode.Id))
            {
                return ValidatedValue.Ok(mode.Id.ToString(CultureInfo.InvariantCulture));
            }
        }

        var choices = string.Join(", ", modes.Select(m => $"{m.Id} ({m.Name})"));
        return ValidatedValue.Bad($"nvpmodel must be a mode id or name from /etc/nvpmodel.conf: {choices}; '{value}' is neither");
    }

    public async ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["-m", value], cancellationToken);
        return result.Succeeded ? null : result.Describe("nvpmodel -m " + value);
    }

    private Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        CommandRunner.FindAndRunAsync(Name, searchPath, arguments, toolTimeout, TimeProvider.System, cancellationToken);

    /// <summary>
    /// <c>nvpmodel -q</c> prints "NV Power Mode: MAXN" and the id on the next line; the mode's name from the file is
    /// preferred, the printed name otherwise.
    /// </summary>
    internal static string Current(string output, ImmutableArray<NvpmodelMode> modes)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("NV Power Mode:", StringComparison.Ordinal))
            {
                continue;
            }

            var printed = lines[i]["NV Power Mode:".Length..].Trim();
            if (i + 1 < lines.Length && int.TryParse(lines[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                foreach (var mode in modes)
                {
                    if (mode.Id == id)
                    {
                        return mode.Name;
                    }
                }
            }

            return printed;
        }

        return "";
    }
}
