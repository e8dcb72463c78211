using System.Net;
using System.Text.Json;
using Aura.Cli.Events;

namespace Aura.Tui.Data;

/// <summary>
/// GETs from the daemon's HTTP API with the read key the other clients send (<c>AURA_API_KEY</c> or aura.toml), for the
/// live feed and the rewind when the socket is not reachable. One connection is kept for the session.
/// </summary>
internal sealed class DaemonHttp(EventsDaemon daemon) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http = new() { Timeout = Timeout };

    public Uri Url => daemon.Url;

    /// <summary>The answer's status and body; a daemon that does not answer is a <see cref="TopFeedException"/>.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, daemon.Http(pathAndQuery));
        if (daemon.Key.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("X-API-Key", daemon.Key);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            throw new TopFeedException($"the daemon at {Url} does not answer ({e.Message})", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TopFeedException($"the daemon at {Url} did not answer within {Timeout.TotalSeconds:0} s", e);
        }
    }

    /// <summary>Why the daemon said no, in one line: its problem detail, and a hint when it refused the key.</summary>
    public string Refusal(HttpStatusCode status, byte[] body)
    {
        string detail;
        try
        {
            using var document = JsonDocument.Parse(body);
            detail = document.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : $"HTTP {(int)status}";
        }
        catch (JsonException)
        {
            detail = $"HTTP {(int)status}, not Aura's JSON";
        }

        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"the daemon at {Url} refused the read key ({detail}); set {EventsDaemon.KeyVariable} or add a key to aura.toml"
            : $"the daemon at {Url} answered: {detail}";
    }

    public void Dispose() => _http.Dispose();
}
