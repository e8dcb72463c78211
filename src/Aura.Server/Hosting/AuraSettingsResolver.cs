using System.Globalization;
using Aura.Core.Config;
using Aura.Server.Events;
using Aura.Server.Jetson;
using Aura.Server.Otlp;
using Aura.Telemetry;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Hosting;

/// <summary>
/// The one place the daemon's settings are resolved: flags, then environment variables, then <c>aura.toml</c>, then
/// defaults, every section read and validated here into one <see cref="AuraSettings"/>. JetsonScope's variables keep
/// working (socket path, metrics and auth tokens, telemetry log, metrics-only address).
/// </summary>
public static class AuraSettingsResolver
{
    /// <exception cref="ConfigException">A setting is invalid; the message names it and where it was given.</exception>
    public static AuraSettings Resolve(ServeFlags flags, ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        var getVariable = environment.GetRawVariable;
        var config = AuraConfigResolver.Resolve(new ConfigOverrides(flags.DbPath, null, flags.ConfigFile), environment);
        var file = ServerSettingsReader.Read(config);
        var interval = TimeSpan.FromSeconds(flags.IntervalSeconds ?? file.IntervalSeconds ?? 1.0);
        var hostName = HostName(getVariable) ?? file.HostName;
        var server = new ServerOptions
        {
            Host = flags.Host ?? file.Host ?? "127.0.0.1",
            Port = flags.Port ?? file.Port ?? ServerOptions.DefaultPort,
            Interval = interval,
            SocketPath = SocketPaths.Resolve(flags.SocketPath, file.SocketPath, getVariable),
            LegacySocketPath = flags.LegacySocketPath,
            Keys = file.Keys,
            MetricsToken = getVariable("AURA_METRICS_TOKEN") ?? getVariable("JETSONSCOPE_METRICS_TOKEN") ?? file.MetricsToken,
            ControlToken = getVariable("JETSONSCOPE_AUTH_TOKEN") ?? getVariable("TEGRA_AUTH_TOKEN"),
            CorsOrigins = file.CorsOrigins,
            LiveStatsOrigins = file.LiveStatsOrigins ?? Cors.CorsRules.DefaultLiveStatsOrigins,
            LoginScopes = flags.LoginScopes ?? Auth.ApiScopes.All,
            HealthLogPath = NonEmpty(getVariable("AURA_HEALTH_LOG")) ?? NonEmpty(getVariable("JETSONSCOPE_TELEMETRY_LOG")),
            HealthLogInterval = HealthInterval(getVariable),
            MetricsListen = MetricsListenAddress.Parse(getVariable),
            Limits = LimitsSettingsReader.Apply(new ServerLimits(), config),
            HostName = hostName,
            Otlp = OtlpSettingsReader.Read(config, getVariable, hostName),
        };
        return new AuraSettings
        {
            Config = config,
            Server = server,
            Events = EventSettingsReader.Read(config, flags.EventsPath, getVariable, flags.DefaultEventsPath),
            Sampler = Sampler(environment, interval),
            HardwareRoot = "/",
            JsonLogs = flags.JsonLogs,
            Warnings = [.. new[] { UnusedSettings.Warning(config), TegrastatsSettings.ModeWarning(getVariable) }.OfType<string>()],
        };
    }

    /// <summary>
    /// The sampler's settings for this machine: the tegrastats feed the environment picks (see
    /// <see cref="TegrastatsSettings.Resolve"/>) and the search path for GPU tools. `aura`, `aura top --local` and
    /// `aura serve` all sample with these.
    /// </summary>
    /// <exception cref="ConfigException">A tegrastats command variable that cannot be split into words.</exception>
    public static SamplerOptions Sampler(ConfigEnvironment environment, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = new SamplerOptions { Interval = interval };
        return defaults with
        {
            Tegrastats = TegrastatsSettings.Resolve(defaults.Root, interval, environment.GetRawVariable),
            SearchPath = environment.GetRawVariable("PATH"),
        };
    }

    private static TimeSpan HealthInterval(Func<string, string?> getVariable)
    {
        foreach (var name in new[] { "AURA_HEALTH_LOG_INTERVAL", "JETSONSCOPE_TELEMETRY_INTERVAL" })
        {
            if (NonEmpty(getVariable(name)) is not { } text)
            {
                continue;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new ConfigException($"{name}: '{text}' must be a number of seconds greater than 0");
        }

        return TimeSpan.FromSeconds(30);
    }

    /// <summary><c>AURA_HOST_NAME</c>: what a fleet calls this host when the kernel's hostname will not do (containers, clones).</summary>
    private static string? HostName(Func<string, string?> getVariable) =>
        getVariable("AURA_HOST_NAME") is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
