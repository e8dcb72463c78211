using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aura.Agent.Tests.Support;

/// <summary>
/// A stand-in Ollama on 127.0.0.1:0 that follows the documented API: POST /api/chat streams NDJSON chunks
/// (<c>{"message":{"role":"assistant","content":..},"done":false}</c>, then <c>"done":true</c>), a missing model is
/// 404 <c>{"error":"model 'x' not found"}</c>, and GET /api/tags lists models. Each chat answer comes from the script.
/// </summary>
internal sealed class StandInOllama : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInOllama(WebApplication app, Func<JsonElement, int, Reply> script, string[] models)
    {
        _app = app;
        app.MapPost("/api/chat", async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var request = body.RootElement.Clone();
            Requests.Enqueue(request);
            var model = request.GetProperty("model").GetString()!;
            if (Array.IndexOf(models, model) < 0)
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync($$"""{"error":"model '{{model}}' not found"}""");
                return;
            }

            var reply = script(request, Requests.Count);
            context.Response.ContentType = "application/x-ndjson";
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }

            var pieces = Split(reply.Content);
            foreach (var piece in pieces)
            {
                await WriteLineAsync(context, new { model, created_at = "2026-12-07T05:00:00Z", message = new { role = "assistant", content = piece }, done = false });
            }

            if (reply.Error is not null)
            {
                await WriteLineAsync(context, new { error = reply.Error });
                return;
            }

            await WriteLineAsync(context, new { model, created_at = "2026-12-07T05:00:01Z", message = new { role = "assistant", content = "" }, done = true, done_reason = "stop" });
        });
        app.MapGet("/api/tags", () => Results.Json(new { models = models.Select(m => new { name = m + ":latest", model = m + ":latest" }) }));
    }

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public static async Task<StandInOllama> StartAsync(Func<JsonElement, int, Reply> script, params string[] models)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var ollama = new StandInOllama(builder.Build(), script, models.Length == 0 ? ["mistral", "llava"] : models);
        await ollama._app.StartAsync();
        ollama.Url = new Uri(ollama._app.Urls.First() + "/");
        return ollama;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WriteLineAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync(JsonSerializer.Serialize(chunk) + "\n");
        await context.Response.Body.FlushAsync();
    }

    /// <summary>The content in three chunks, as a model streams tokens.</summary>
    private static string[] Split(string content)
    {
        if (content.Length < 3)
        {
            return [content];
        }

        var third = content.Length / 3;
        return [content[..third], content[third..(2 * third)], content[(2 * third)..]];
    }

    /// <summary>One scripted answer: content, optionally after a delay, optionally ended by a mid-stream error.</summary>
    public sealed record Reply(string Content, TimeSpan Delay = default, string? Error = null);
}
