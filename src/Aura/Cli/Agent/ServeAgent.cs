using Aura.Agent;
using Aura.Agent.Actions;
using Aura.Agent.Screen;
using Aura.Agent.Server;
using Aura.Core.Config;
using Aura.Core.Events;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Aura.Telemetry;

namespace Aura.Cli.Agent;

/// <summary>
/// The desktop agent inside `aura serve` when <c>[agent] enabled = true</c>: the action server at <c>/ws/agent</c> and,
/// unless <c>record_screen = false</c>, screen activity recorded as DVR series on every tick.
/// </summary>
internal sealed class ServeAgent : IDaemonExtension
{
    private readonly AgentEndpoint? _endpoint;
    private readonly string? _display;
    private readonly bool _recordScreen;
    private readonly TextWriter _warnings;

    private ServeAgent(AgentEndpoint? endpoint, string? display, bool recordScreen, string summary, TextWriter warnings)
    {
        _endpoint = endpoint;
        _display = display;
        _recordScreen = recordScreen;
        _warnings = warnings;
        Summary = endpoint is null ? null : summary;
    }

    /// <summary>The banner's agent line; null when the action server is off.</summary>
    public string? Summary { get; }

    public IReadOnlyList<ExtraEndpoint> Endpoints => _endpoint is null ? [] : [new ExtraEndpoint(AgentEndpoint.Path, _endpoint.HandleAsync)];

    public static ServeAgent Open(AuraConfig config, ApiKeySet keys, IAuditTrail? audit, TimeProvider clock, TextWriter warnings)
    {
        var settings = AgentSettingsReader.Read(config);
        if (!settings.Enabled)
        {
            return new ServeAgent(null, null, false, "off ([agent] enabled = true in aura.toml turns it on)", warnings);
        }

        string display;
        try
        {
            display = Aura.Agent.X11.DisplayTarget.Resolve(settings.Display, Environment.GetEnvironmentVariable);
        }
        catch (AgentException e)
        {
            warnings.WriteLine($"aura: warning: the desktop agent is enabled but has no display: {e.Message}");
            return new ServeAgent(null, null, false, $"off: {e.Message}", warnings);
        }

        if (!keys.AnyAllows(ApiScopes.Agent))
        {
            warnings.WriteLine("aura: warning: the desktop agent is enabled, but no API key has the 'agent' scope, so no client can use /ws/agent");
        }

        var endpoint = new AgentEndpoint(new AgentEndpointOptions
        {
            Keys = keys,
            Display = display,
            Screenshots = new ScreenshotStore(settings.ScreenshotDir ?? ScreenshotStore.DefaultDirectory(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR")), clock),
            Audit = audit,
            Clock = clock,
        });
        var record = settings.RecordScreen ?? true;
        return new ServeAgent(endpoint, display, record, $"{AgentEndpoint.Path} on display {display}{(record ? ", screen activity recorded" : "")}", warnings);
    }

    /// <summary>The sampler's source, with screen activity added when the agent watches a display.</summary>
    public ISnapshotSource Wrap(ISnapshotSource source) =>
        _recordScreen && _display is not null ? new ScreenActivitySource(source, _display, message => _warnings.WriteLine($"aura: warning: {message}")) : source;

    public void Dispose() => _endpoint?.Dispose();
}
