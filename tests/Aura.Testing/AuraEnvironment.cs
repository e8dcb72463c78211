using System.Diagnostics;

namespace Aura.Testing;

/// <summary>
/// The environment every `aura` under test gets: a private HOME and XDG folders, and none of the developer's settings,
/// so a test never reads their config, writes their DVR, binds their socket, signs in with their key or exports to their
/// collector.
/// </summary>
public static class AuraEnvironment
{
    /// <summary>Every variable with one of these prefixes is dropped: all of Aura's, JetsonScope's, Tegra's and OTLP's settings.</summary>
    private static readonly string[] ScrubbedPrefixes = ["AURA_", "JETSONSCOPE_", "TEGRA_", "OTEL_"];

    /// <summary>Other variables Aura reads: where tegrastats is, systemd's runtime folder, the display, the Ollama server.</summary>
    private static readonly string[] ScrubbedNames = ["TEGRASTATS_CMD", "RUNTIME_DIRECTORY", "DISPLAY", "WAYLAND_DISPLAY", "OLLAMA_HOST"];

    /// <summary>
    /// Points <paramref name="info"/> at <paramref name="home"/>, drops the scrubbed variables, then applies
    /// <paramref name="overrides"/> (a null value removes that variable).
    /// </summary>
    public static void Apply(ProcessStartInfo info, string home, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        foreach (var name in info.Environment.Keys.ToList())
        {
            if (IsScrubbed(name))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        info.Environment["XDG_STATE_HOME"] = Path.Combine(home, ".local", "state");
        info.Environment["XDG_RUNTIME_DIR"] = Path.Combine(home, "run");
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
    }

    public static bool IsScrubbed(string name) =>
        Array.Exists(ScrubbedPrefixes, prefix => name.StartsWith(prefix, StringComparison.Ordinal)) || Array.IndexOf(ScrubbedNames, name) >= 0;
}
