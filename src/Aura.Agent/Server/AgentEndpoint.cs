using System.Text.Json;
using Aura.Agent.Actions;
using Microsoft.AspNetCore.Http;

namespace Aura.Agent.Server;

/// <summary>
/// The action server's WebSocket endpoint, the same in `aura agent serve` (at <c>/</c> and <c>/ws/agent</c>) and in
/// `aura serve` with <c>[agent] enabled = true</c> (at <c>/ws/agent</c>).
/// </summary>
public sealed class AgentEndpoint(AgentEndpointOptions options) : IDisposable
{
    private readonly Lock _gate = new();
    private DisplayAgent? _display;

    public const string Path = "/ws/agent";

    public AgentEndpointOptions Options => options;

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, new ActionError("this is the agent's WebSocket endpoint: connect with a WebSocket client", "upgrade"));
            return;
        }

        string? keyName = null;
        if (PresentedKey(context.Request) is { } presented)
        {
            if (!options.Keys.TryAuthorize(presented, Aura.Server.Auth.ApiScopes.Agent, out var name, out var refusal))
            {
                var answer = ActionAnswer.Refused(null, new ActionError(refusal, "api_key"));
                await AgentAudit.RecordAsync(options.Audit, options.Display, AgentConnection.Remote(context), "", null, answer, context.RequestAborted);
                await WriteAsync(context, StatusCodes.Status401Unauthorized, new ActionError(refusal, "api_key"));
                return;
            }

            keyName = name;
        }

        ActionExecutor executor;
        try
        {
            executor = new ActionExecutor(Display(), options.Screenshots, options.Clock);
        }
        catch (AgentException e)
        {
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, new ActionError(e.Message, "display"));
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        try
        {
            await new AgentConnection(socket, options, executor, AgentConnection.Remote(context), keyName).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The server is stopping or the client left.
        }
    }

    /// <summary>The display's input and capture, opened by the first client (or a caller that wants to fail early).</summary>
    /// <exception cref="AgentException">The display cannot be opened or lacks XTest.</exception>
    public DisplayAgent Display()
    {
        lock (_gate)
        {
            return _display ??= DisplayAgent.Open(options.Display);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _display?.Dispose();
            _display = null;
        }
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var apiKey = request.Headers["X-API-Key"].ToString();
        if (apiKey.Length > 0)
        {
            return apiKey;
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }

    private static Task WriteAsync(HttpContext context, int status, ActionError error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(ActionAnswer.Refused(null, error), AgentJsonContext.Default.ActionAnswer)).AsTask();
    }
}
