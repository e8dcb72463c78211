using System.Net.WebSockets;
using System.Text.Json;
using Aura.Agent.X11;

namespace Aura.Agent.Checks;

/// <summary>The wake check's probes: the daemon, the action server, Ollama and its model, the X display.</summary>
public static class Probes
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Probe Daemon(HttpClient http, Uri baseUrl) => new("daemon", async cancellationToken =>
    {
        var url = new Uri(baseUrl, "api/health");
        try
        {
            using var deadline = Deadline(cancellationToken);
            using var response = await http.GetAsync(url, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return $"{url} answered {(int)response.StatusCode}";
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false));
            return document.RootElement.TryGetProperty("service", out var service) && service.GetString() == "aura" ? null : $"{url} is not Aura";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return $"{url}: {Reason(e, cancellationToken)}";
        }
    });

    public static Probe ActionServer(Uri url, string? key) => new("agent", async cancellationToken =>
    {
        if (key is null)
        {
            return "no API key with the 'agent' scope to probe with (set AURA_API_KEY or add one to aura.toml)";
        }

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-API-Key", key);
        try
        {
            using var deadline = Deadline(cancellationToken);
            await socket.ConnectAsync(url, deadline.Token).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "health check", deadline.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            return $"{url}: {Reason(e, cancellationToken)}";
        }
    });

    public static Probe Ollama(HttpClient http, Uri baseUrl, string model) => new("ollama", async cancellationToken =>
    {
        var url = new Uri(baseUrl, "api/tags");
        try
        {
            using var deadline = Deadline(cancellationToken);
            using var response = await http.GetAsync(url, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return $"{url} answered {(int)response.StatusCode}";
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false));
            if (document.RootElement.TryGetProperty("models", out var models) && models.ValueKind == JsonValueKind.Array)
            {
                foreach (var m in models.EnumerateArray())
                {
                    var name = m.TryGetProperty("name", out var n) ? n.GetString() : null;
                    if (name == model || name == model + ":latest")
                    {
                        return null;
                    }
                }
            }

            return $"Ollama runs but has no model '{model}': run `ollama pull {model}`";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return $"{url}: {Reason(e, cancellationToken)}";
        }
    });

    public static Probe Display(string name) => new("display", _ =>
    {
        try
        {
            using var display = XDisplay.Open(name);
            return Task.FromResult<string?>(null);
        }
        catch (AgentException e)
        {
            return Task.FromResult<string?>(e.Message);
        }
    });

    private static CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        return deadline;
    }

    private static string Reason(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && !cancellationToken.IsCancellationRequested ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
}
