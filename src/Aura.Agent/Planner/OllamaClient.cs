using System.Net;
using System.Text;
using System.Text.Json;

namespace Aura.Agent.Planner;

/// <summary>
/// Ollama's documented <c>/api/chat</c>: streaming NDJSON read line by line (a mid-stream <c>{"error":..}</c> ends the
/// answer with that error), <c>format</c> set to a JSON schema, 404 as a missing model, every call bounded by a timeout.
/// </summary>
public sealed class OllamaClient(HttpClient http, Uri baseUrl, TimeSpan timeout)
{
    public const int MaxAnswerBytes = 1 << 20;

    public Uri BaseUrl => baseUrl;

    /// <summary>Sends one chat turn and returns the assistant's whole answer.</summary>
    /// <exception cref="PlannerException">Ollama is unreachable, answered an error, or was too slow.</exception>
    public async Task<string> ChatAsync(string model, string system, string user, IReadOnlyList<byte[]>? images, string? schema, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/chat")) { Content = new ByteArrayContent(Body(model, system, user, images, schema)) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                throw new PlannerException(response.StatusCode == HttpStatusCode.NotFound
                    ? $"Ollama has no model '{model}' ({ErrorOf(body) ?? "404"}): run `ollama pull {model}`"
                    : $"Ollama answered {(int)response.StatusCode}: {ErrorOf(body) ?? Shorten(body)}");
            }

            return await ReadStreamAsync(response, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlannerException($"Ollama at {baseUrl} did not answer within {timeout.TotalSeconds:0} s (raise --ollama-timeout, or check the model is loaded)");
        }
        catch (HttpRequestException e)
        {
            throw new PlannerException($"cannot reach Ollama at {baseUrl}: {e.Message} (is `ollama serve` running?)", e);
        }
    }

    private static async Task<string> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            JsonDocument chunk;
            try
            {
                chunk = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new PlannerException($"Ollama's stream has a line that is not JSON: {e.Message}", e);
            }

            using (chunk)
            {
                var root = chunk.RootElement;
                if (root.TryGetProperty("error", out var error))
                {
                    throw new PlannerException($"Ollama stopped mid-answer: {error}");
                }

                if (root.TryGetProperty("message", out var message) && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                {
                    answer.Append(content.GetString());
                    if (answer.Length > MaxAnswerBytes)
                    {
                        throw new PlannerException($"Ollama's answer passed {MaxAnswerBytes} characters; a plan is far shorter");
                    }
                }

                if (root.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.True)
                {
                    return answer.ToString();
                }
            }
        }

        throw new PlannerException("Ollama's stream ended before \"done\": true");
    }

    private static byte[] Body(string model, string system, string user, IReadOnlyList<byte[]>? images, string? schema)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteBoolean("stream", true);
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("role", "system");
            json.WriteString("content", system);
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WriteString("content", user);
            if (images is { Count: > 0 })
            {
                json.WriteStartArray("images");
                foreach (var image in images)
                {
                    json.WriteBase64StringValue(image);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
            if (schema is not null)
            {
                json.WritePropertyName("format");
                json.WriteRawValue(schema);
            }

            json.WriteStartObject("options");
            json.WriteNumber("temperature", 0.3);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string? ErrorOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) ? error.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
