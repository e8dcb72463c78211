using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Aura.Cli.Events;

/// <summary>Calls the daemon's event API with the key; turns refusals and an absent daemon into one clear line.</summary>
internal static class EventsHttp
{
    public static async Task<JsonElement> SendAsync(EventsDaemon daemon, HttpMethod method, string pathAndQuery, string? body, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method, daemon.Http(pathAndQuery));
        request.Headers.TryAddWithoutValidation("X-API-Key", daemon.Key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new EventsClientException($"no Aura daemon answers at {daemon.Url} ({e.Message}); start one with `aura serve`", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EventsClientException($"the daemon at {daemon.Url} did not answer within 30 s", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement json;
            try
            {
                using var document = JsonDocument.Parse(text);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new EventsClientException($"{daemon.Url} answered {(int)response.StatusCode} with something that is not Aura's JSON; is it an Aura daemon?");
            }

            if (response.IsSuccessStatusCode)
            {
                return json;
            }

            var detail = json.TryGetProperty("detail", out var d) ? d.GetString() : text;
            var field = json.TryGetProperty("field", out var f) && detail?.StartsWith(f.GetString() ?? "", StringComparison.Ordinal) == false ? f.GetString() + ": " : "";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new EventsClientException($"the daemon refused the API key: {detail}"),
                _ => new EventsClientException($"{field}{detail}"),
            };
        }
    }
}
