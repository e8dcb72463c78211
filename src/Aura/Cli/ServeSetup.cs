using System.CommandLine;
using System.Globalization;
using Aura.Server.Hosting;

namespace Aura.Cli;

/// <summary>
/// `aura serve`'s flags parsed into <see cref="ServeFlags"/>; the library's <see cref="AuraSettingsResolver"/> then
/// resolves them over the environment, <c>aura.toml</c> and the defaults.
/// </summary>
internal static class ServeSetup
{
    private const double MinimumInterval = 0.05;

    public static ServeFlags Flags(ParseResult parse, ServeOptions o)
    {
        var dbPath = parse.GetValue(o.DbPath);
        if (dbPath is not null && string.IsNullOrWhiteSpace(dbPath))
        {
            throw new UsageException("--db-path must not be empty");
        }

        var interval = NumberArgument.Seconds("--interval", parse.GetValue(o.Interval));
        if (interval < MinimumInterval)
        {
            throw new UsageException($"--interval must be at least {MinimumInterval.ToString(CultureInfo.InvariantCulture)} seconds");
        }

        return new ServeFlags
        {
            Host = parse.GetValue(o.Host),
            Port = Port(parse.GetValue(o.Port), parse.GetValue(o.PortArgument)),
            IntervalSeconds = interval,
            ConfigFile = parse.GetValue(o.Config),
            DbPath = dbPath,
            SocketPath = parse.GetValue(o.Socket),
            LegacySocketPath = parse.GetValue(o.LegacySocket) is { Length: > 0 } legacy ? Path.GetFullPath(legacy) : null,
            EventsPath = parse.GetValue(o.EventsPath),
            DefaultEventsPath = parse.GetValue(o.DefaultEventsPath),
            LoginScopes = LoginScopes(parse.GetValue(o.LoginScopes)),
            JsonLogs = parse.GetValue(o.JsonLogs),
        };
    }

    private static Aura.Server.Auth.ApiScopes? LoginScopes(string? text)
    {
        if (text is null)
        {
            return null;
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
}
