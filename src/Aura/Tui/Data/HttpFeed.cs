using System.Net;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;

namespace Aura.Tui.Data;

/// <summary>
/// Client mode over HTTP, when the daemon's socket is not reachable (another host, another user's runtime dir): GETs
/// <c>/api/v1/snapshot</c> once per refresh with the read key. The daemon samples; `aura top` reads nothing from /proc.
/// </summary>
internal sealed class HttpFeed(DaemonHttp http) : ITopFeed
{
    public string Description => $"daemon {http.Url}";

    public string Address => http.Url.ToString();

    public bool IsDaemon => true;

    /// <summary>What <see cref="ProbeAsync"/> says when nothing listens at the address.</summary>
    public const string NoAnswer = "no answer";

    /// <summary>
    /// Null when an Aura daemon answers at the address (even before its first tick); <see cref="NoAnswer"/> when nothing
    /// does; else why the daemon there cannot be read (e.g. it refused the key).
    /// </summary>
    public static async Task<string?> ProbeAsync(DaemonHttp http, CancellationToken cancellationToken)
    {
        try
        {
            await new HttpFeed(http).ReadAsync(cancellationToken);
            return null;
        }
        catch (TopFeedException e) when (e.InnerException is HttpRequestException or TaskCanceledException)
        {
            return NoAnswer;
        }
        catch (TopFeedException e)
        {
            return e.Message;
        }
    }

    public async Task<Snapshot?> ReadAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await http.GetAsync("/api/v1/snapshot", cancellationToken);
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }

        if (status != HttpStatusCode.OK)
        {
            throw new TopFeedException(http.Refusal(status, body));
        }

        try
        {
            return JsonSerializer.Deserialize(body, AuraJsonContext.Default.Snapshot);
        }
        catch (JsonException e)
        {
            throw new TopFeedException($"the answer at {http.Url} is not Aura's snapshot ({e.Message})", e);
        }
    }

    public void Dispose()
    {
    }
}
