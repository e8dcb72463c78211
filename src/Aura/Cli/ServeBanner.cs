using Aura.Server.Hosting;

namespace Aura.Cli;

/// <summary>What `aura serve` prints once it listens: where, and the login link (Jupyter style).</summary>
internal static class ServeBanner
{
    public static async Task WriteAsync(TextWriter output, AuraServer server, AuraSettings setup, string history, string? events = null)
    {
        var address = server.Address;
        var ws = new UriBuilder(new Uri(address, "/ws/stats")) { Scheme = address.Scheme == "https" ? "wss" : "ws" }.Uri;
        await output.WriteLineAsync($"Aura {ServerVersion.Current} is listening on {address}");
        await output.WriteLineAsync($"  stats    {new Uri(address, "/api/stats")}  {ws}");
        await output.WriteLineAsync($"  metrics  {new Uri(address, "/metrics")}");
        if (setup.Server.MetricsListen is { } metricsOnly)
        {
            await output.WriteLineAsync($"  metrics  http://{metricsOnly}/ ({Aura.Server.Hosting.MetricsListenAddress.Variable}: metrics only, at / and /metrics)");
        }

        if (server.SocketPath is { } socket)
        {
            await output.WriteLineAsync($"  socket   {socket}");
        }

        await output.WriteLineAsync($"  history  {history}");
        if (events is not null)
        {
            await output.WriteLineAsync($"  events   {events}");
        }

        if (setup.Server.Otlp is { } otlp)
        {
            var protocol = otlp.Protocol == Aura.Server.Otlp.OtlpProtocol.Grpc ? "grpc" : "http/protobuf";
            await output.WriteLineAsync($"  otlp     {otlp.Endpoint} ({protocol}): every series each {otlp.MetricInterval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s, events as logs");
        }

        await output.WriteLineAsync($"  keys     {(setup.Server.Keys.IsEmpty ? "none configured (`aura config init` makes one)" : $"{setup.Server.Keys.Count} from {setup.Config.ConfigFile}")}");
        await output.WriteLineAsync($"Sign in to the cockpit with (this link grants {Aura.Server.Auth.ApiScopeNames.List(setup.Server.LoginScopes)}; narrow it with --login-scopes):");
        await output.WriteLineAsync($"  {server.LoginUrl}");
        await output.WriteLineAsync("Stop with Ctrl-C or SIGTERM.");
        await output.FlushAsync();
    }
}
