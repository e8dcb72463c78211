using System.CommandLine;
using System.Globalization;
using Aura.Core.Config;
using Aura.Server.Hosting;
using Aura.Server.Jetson;

namespace Aura.Cli;

/// <summary>
/// `aura serve`'s settings resolved: flags, then environment variables, then <c>[server]</c> in <c>aura.toml</c>, then
/// defaults. JetsonScope's variables keep working (socket path, metrics and auth tokens, telemetry log).
/// </summary>
internal sealed record ServeSetup(ServerOptions Options, AuraConfig Config, bool JsonLogs)
{
    private const double MinimumInterval = 0.05;

    public static ServeSetup From(ParseResult parse, ServeOptions o, Func<string, string?> getVariable)
    {
        var dbPath = parse.GetValue(o.DbPath);
        if (dbPath is not null && string.IsNullOrWhiteSpace(dbPath))
        {
            throw new UsageException("--db-path must not be empty");
        }

        var config = AuraConfigResolver.Resolve(new ConfigOverrides(dbPath, null, parse.GetValue(o.Config)), ConfigEnvironment.FromProcess());
        var settings = ServerSettingsReader.Read(config);
        var interval = NumberArgument.Seconds("--interval", parse.GetValue(o.Interval)) ?? settings.IntervalSeconds ?? 1.0;
        if (interval < MinimumInterval)
        {
            throw new UsageException($"--interval must be at least {MinimumInterval.ToString(CultureInfo.InvariantCulture)} seconds");
        }

        var options = new ServerOptions
        {
            Host = parse.GetValue(o.Host) ?? settings.Host ?? "127.0.0.1",
            Port = Port(parse.GetValue(o.Port), parse.GetValue(o.PortArgument)) ?? settings.Port ?? ServerOptions.DefaultPort,
            Interval = TimeSpan.FromSeconds(interval),
            SocketPath = SocketPaths.Resolve(parse.GetValue(o.Socket), settings.SocketPath, getVariable),
            LegacySocketPath = parse.GetValue(o.LegacySocket) is { Length: > 0 } legacy ? Path.GetFullPath(legacy) : null,
            Keys = settings.Keys,
            MetricsToken = getVariable("AURA_METRICS_TOKEN") ?? getVariable("JETSONSCOPE_METRICS_TOKEN") ?? settings.MetricsToken,
            ControlToken = getVariable("JETSONSCOPE_AUTH_TOKEN") ?? getVariable("TEGRA_AUTH_TOKEN"),
            CorsOrigins = settings.CorsOrigins,
            LiveStatsOrigins = settings.LiveStatsOrigins ?? Aura.Server.Cors.CorsRules.DefaultLiveStatsOrigins,
            LoginScopes = LoginScopes(parse.GetValue(o.LoginScopes)),
            HealthLogPath = NonEmpty(getVariable("AURA_HEALTH_LOG")) ?? NonEmpty(getVariable("JETSONSCOPE_TELEMETRY_LOG")),
            HealthLogInterval = HealthInterval(getVariable),
            MetricsListen = MetricsAddress.Parse(getVariable),
            Limits = LimitsSettingsReader.Apply(new ServerLimits(), config),
            HostName = HostName(getVariable) ?? settings.HostName,
        };
        options = options with { Otlp = Aura.Server.Otlp.OtlpSettingsReader.Read(config, getVariable, options.HostName) };
        return new ServeSetup(options, config, parse.GetValue(o.JsonLogs))
        {
            Events = Aura.Server.Events.EventSettingsReader.Read(config, parse.GetValue(o.EventsPath), getVariable, parse.GetValue(o.DefaultEventsPath)),
            Warnings = [.. new[] { UnusedSettings.Warning(config), Aura.Telemetry.Jetson.TegrastatsSettings.ModeWarning(getVariable) }.OfType<string>()],
        };
    }

    /// <summary>The event log's path and settings; no log when there is no path.</summary>
    public Aura.Server.Events.EventSettings Events { get; init; } = new(null, false, "default");

    /// <summary>Lines to print on standard error before starting, e.g. the config keys Aura does not use.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    private static Aura.Server.Auth.ApiScopes LoginScopes(string? text)
    {
        if (text is null)
        {
            return Aura.Server.Auth.ApiScopes.All;
        }

        var scopes = Aura.Server.Auth.ApiScopes.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            scopes |= Aura.Server.Auth.ApiScopeNames.Parse(part)
                ?? throw new UsageException($"--login-scopes: '{part}' is not a scope; use {string.Join(", ", Aura.Server.Auth.ApiScopeNames.All)}, separated by commas");
        }

        return scopes == Aura.Server.Auth.ApiScopes.None
            ? throw new UsageException("--login-scopes needs at least one scope, e.g. --login-scopes read")
            : scopes;
    }

    private static int? Port(string? flag, string? positional)
    {
        if (flag is not null && positional is not null)
        {
            throw new UsageException($"give the port once: --port {flag} or {positional}, not both");
        }

        var text = flag ?? positional;
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new UsageException($"{(flag is null ? "the port" : "--port")} must be a whole number from 0 to 65535, not '{text}'");
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
