using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Aura.Core.Config;
using Aura.Output;

namespace Aura.Cli;

/// <summary>`aura status`: is a daemon running, where, which version. Exit 0 when one answers, 1 when none does.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON line." };
        var host = new Option<string?>("--host") { Description = "The daemon's address (default: [server] host in aura.toml, else 127.0.0.1).", HelpName = "address" };
        var port = new Option<string?>("--port") { Description = "The daemon's port (default: [server] port in aura.toml, else 8765).", HelpName = "port" };
        var config = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Read settings from this aura.toml instead of the platform default.", HelpName = "file" };
        var command = new Command("status", "Tell whether the Aura daemon is running, and where.");
        command.Options.Add(json);
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(config);
        command.SetAction((parse, cancellationToken) =>
        {
            var url = DaemonAddress.Resolve(parse.GetValue(host), parse.GetValue(port), configFile: parse.GetValue(config)).Http;
            return RunAsync(url, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Uri url, bool json, CancellationToken cancellationToken)
    {
        var health = await TryHealthAsync(url, cancellationToken);
        var running = health is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty("service", out var service) && service.GetString() == "aura";
        if (json)
        {
            await Console.Out.WriteLineAsync(StatusJson(url, running ? health : null));
        }
        else if (running)
        {
            var h2 = health!.Value;
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"aura is running at {url} (version {h2.GetProperty("version").GetString()}, up {Units.Duration(h2.GetProperty("uptime").GetDouble())}, {h2.GetProperty("ticks").GetInt64()} ticks, {h2.GetProperty("activeConnections").GetInt32()} clients, {h2.GetProperty("status").GetString()})"));
            if (h2.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"degraded: {reason.GetString()} ({(h2.TryGetProperty("storageErrors", out var errors) ? errors.GetInt64() : 0)} storage errors since start)"));
            }

            if (h2.TryGetProperty("otlp", out var otlp))
            {
                await Console.Out.WriteLineAsync(OtlpLine(otlp));
            }
        }
        else
        {
            await Console.Out.WriteLineAsync(health is null ? $"aura is not running at {url}" : $"aura is not running at {url} (something else answers there)");
        }

        return running ? ExitCodes.Ok : ExitCodes.Failure;
    }

    internal static async Task<JsonElement?> TryHealthAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url, "/api/health"), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return default(JsonElement);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    private static string StatusJson(Uri url, JsonElement? health)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("running", health is not null);
            writer.WriteString("url", url.ToString());
            if (health is { } h)
            {
                writer.WriteString("version", h.GetProperty("version").GetString());
                writer.WriteString("status", h.GetProperty("status").GetString());
                writer.WriteNumber("uptime", h.GetProperty("uptime").GetDouble());
                writer.WriteNumber("ticks", h.GetProperty("ticks").GetInt64());
                writer.WriteNumber("clients", h.GetProperty("activeConnections").GetInt32());
                if (h.TryGetProperty("storageErrors", out var errors))
                {
                    writer.WriteNumber("storage_errors", errors.GetInt64());
                }

                if (h.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                {
                    writer.WriteString("reason", reason.GetString());
                }

                if (h.TryGetProperty("otlp", out var otlp))
                {
                    writer.WritePropertyName("otlp");
                    otlp.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One line on the OTLP exporter: where it sends, what arrived, what was dropped, what failed last.</summary>
    internal static string OtlpLine(JsonElement otlp)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"otlp     {otlp.GetProperty("endpoint").GetString()} ({otlp.GetProperty("protocol").GetString()}): {otlp.GetProperty("metricExports").GetInt64()} metric exports, {otlp.GetProperty("logRecords").GetInt64()} events sent; dropped {otlp.GetProperty("droppedMetricExports").GetInt64()} metric exports, {otlp.GetProperty("droppedLogRecords").GetInt64()} events; {otlp.GetProperty("queuedEvents").GetInt32()} events queued");
        return otlp.TryGetProperty("lastError", out var error) ? $"{line}; last error: {error.GetString()}" : line;
    }
}
