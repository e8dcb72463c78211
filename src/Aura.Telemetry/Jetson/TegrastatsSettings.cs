using System.Collections.Immutable;
using System.Globalization;
using Aura.Core.Config;
using Aura.Telemetry.Commands;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// Which tegrastats feed the sampler runs. <see cref="Resolve"/> picks, in order: a command named by
/// <c>AURA_TEGRASTATS_CMD</c>, <c>JETSONSCOPE_STATS_CMD</c> or <c>TEGRASTATS_CMD</c>; synthetic lines when
/// <c>AURA_TEGRASTATS_MODE</c> or <c>JETSONSCOPE_TUI_MODE</c> says <c>synthetic</c>; the real <c>tegrastats</c> on a Jetson;
/// otherwise none.
/// </summary>
/// <param name="Mode">Which feed.</param>
/// <param name="Executable">The program to run (Tegrastats and Command modes).</param>
/// <param name="Arguments">Its arguments, passed as a list, never through a shell.</param>
/// <param name="Origin">What chose this feed (a variable's name, or "tegrastats"), for messages.</param>
public sealed record TegrastatsSettings(TegrastatsMode Mode, string Executable, ImmutableArray<string> Arguments, string Origin)
{
    private static readonly string[] CommandVariables = ["AURA_TEGRASTATS_CMD", "JETSONSCOPE_STATS_CMD", "TEGRASTATS_CMD"];
    private static readonly string[] ModeVariables = ["AURA_TEGRASTATS_MODE", "JETSONSCOPE_TUI_MODE", "TEGRA_TUI_MODE"];

    public static TegrastatsSettings Off { get; } = new(TegrastatsMode.Off, "", [], "");

    public static TegrastatsSettings Synthetic { get; } = new(TegrastatsMode.Synthetic, "", [], "synthetic");

    public static TegrastatsSettings Command(string executable, IEnumerable<string> arguments, string origin) =>
        new(TegrastatsMode.Command, executable, [.. arguments], origin);

    /// <exception cref="ConfigException">A command variable that does not split into words.</exception>
    public static TegrastatsSettings Resolve(string root, TimeSpan interval, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        foreach (var name in CommandVariables)
        {
            if (getVariable(name) is { } command && !string.IsNullOrWhiteSpace(command))
            {
                var words = CommandWords.Split(command, name);
                return Command(words[0], words.RemoveAt(0), name);
            }
        }

        foreach (var name in ModeVariables)
        {
            if (string.Equals(getVariable(name)?.Trim(), "synthetic", StringComparison.OrdinalIgnoreCase))
            {
                return Synthetic;
            }
        }

        if (!JetsonDetector.Detect(root).IsJetson || FindTegrastats(getVariable("PATH")) is not { } tegrastats)
        {
            return Off;
        }

        var ms = Math.Max(1, (long)Math.Round(interval.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        return new TegrastatsSettings(TegrastatsMode.Tegrastats, tegrastats, ["--interval", ms], "tegrastats");
    }

    /// <summary>
    /// A line for the user when a mode variable asks for something Aura will not do: <c>emulator</c> with no command to
    /// emulate (JetsonScope then fell silent), or a mode it does not know. Null when the mode is fine or unset.
    /// </summary>
    public static string? ModeWarning(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        foreach (var name in ModeVariables)
        {
            var mode = getVariable(name)?.Trim();
            if (string.IsNullOrEmpty(mode) || mode.Equals("synthetic", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!mode.Equals("emulator", StringComparison.OrdinalIgnoreCase))
            {
                return $"{name}={mode} is not a mode Aura knows (synthetic, or emulator with JETSONSCOPE_STATS_CMD); ignoring it";
            }

            if (!Array.Exists(CommandVariables, variable => !string.IsNullOrWhiteSpace(getVariable(variable))))
            {
                return $"{name}=emulator needs a command whose output to read: set JETSONSCOPE_STATS_CMD "
                    + "(e.g. \"python3 tegrastats_emulator.py --interval 1000\"); until then there are no Jetson readings";
            }
        }

        return null;
    }

    /// <summary>tegrastats on PATH, or where JetPack installs it.</summary>
    private static string? FindTegrastats(string? path) =>
        ExecutableSearch.Find("tegrastats", string.IsNullOrEmpty(path) ? "/usr/bin" : path + Path.PathSeparator + "/usr/bin");
}
