using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Aura.Agent.Actions;
using Aura.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace Aura.Agent.Server;

/// <summary>
/// One client of the action server: authenticate (a key with the <c>agent</c> scope in <c>X-API-Key</c> or
/// <c>Authorization: Bearer</c> on the upgrade, or a first message <c>{"type":"auth","api_key":..}</c>), then one
/// action per message, one answer per action, every action audited.
/// </summary>
internal sealed class AgentConnection
{
    private readonly WebSocket _socket;
    private readonly AgentEndpointOptions _options;
    private readonly ActionExecutor _executor;
    private readonly RateWindow _rate;
    private readonly ActionExecutor.Baseline _baseline = new();
    private readonly string _remote;
    private string? _keyName;

    public AgentConnection(WebSocket socket, AgentEndpointOptions options, ActionExecutor executor, string remote, string? keyName)
    {
        _socket = socket;
        _options = options;
        _executor = executor;
        _remote = remote;
        _keyName = keyName;
        _rate = new RateWindow(options.MaxActionsPerSecond, options.Clock);
    }

    private string Who => _keyName is null ? $"{_remote} (no key)" : $"key '{_keyName}' from {_remote}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ActionLimits.MaxMessageBytes);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (_keyName is null)
                {
                    deadline.CancelAfter(_options.AuthTimeout);
                }

                int length;
                try
                {
                    length = await ReceiveAsync(buffer, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await RefuseAndCloseAsync(null, new ActionError($"no authentication within {_options.AuthTimeout.TotalSeconds:0} s", "api_key"), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (length < 0)
                {
                    return;
                }

                if (length > ActionLimits.MaxMessageBytes)
                {
                    await RefuseAndCloseAsync(null, new ActionError($"a message may be at most {ActionLimits.MaxMessageBytes} bytes", "message"), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (!await HandleAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
            // The client went away mid-message.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>False when the connection must close.</summary>
    private async Task<bool> HandleAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            return await AnswerAsync("", null, ActionAnswer.Refused(null, new ActionError($"the message is not JSON: {e.Message}", "message")), cancellationToken).ConfigureAwait(false)
                && _keyName is not null;
        }

        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "auth")
            {
                return await AuthenticateAsync(json, cancellationToken).ConfigureAwait(false);
            }

            var name = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
            if (_keyName is null)
            {
                await RefuseAndCloseAsync(name, new ActionError(
                    "authenticate first: send a key with the 'agent' scope in the X-API-Key header (or Authorization: Bearer) on the upgrade, or {\"type\":\"auth\",\"api_key\":\"...\"} as the first message",
                    "api_key"), cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (!_rate.TryTake())
            {
                return await AnswerAsync(name, null, ActionAnswer.Refused(name, new ActionError($"rate limit: at most {_options.MaxActionsPerSecond} actions a second on one connection", "action")), cancellationToken).ConfigureAwait(false);
            }

            if (!ActionParser.TryParse(json, _executor.Display.Width, _executor.Display.Height, allowDone: false, out var action, out var error))
            {
                return await AnswerAsync(name, null, ActionAnswer.Refused(name.Length == 0 ? null : name, error!), cancellationToken).ConfigureAwait(false);
            }

            ActionAnswer answer;
            try
            {
                answer = await _executor.ExecuteAsync(action!, _baseline, cancellationToken).ConfigureAwait(false);
            }
            catch (AgentException e)
            {
                answer = ActionAnswer.Refused(name, new ActionError(e.Message, "display"));
            }
            catch (IOException e)
            {
                answer = ActionAnswer.Refused(name, new ActionError($"could not save the screenshot: {e.Message}", "path"));
            }

            return await AnswerAsync(name, action, answer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> AuthenticateAsync(JsonElement json, CancellationToken cancellationToken)
    {
        if (!json.TryGetProperty("api_key", out var key) || key.ValueKind != JsonValueKind.String || key.GetString() is not { Length: > 0 } presented)
        {
            await RefuseAndCloseAsync("auth", new ActionError("api_key must be a non-empty string", "api_key"), cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!_options.Keys.TryAuthorize(presented, ApiScopes.Agent, out var name, out var refusal))
        {
            await RefuseAndCloseAsync("auth", new ActionError(refusal, "api_key"), cancellationToken).ConfigureAwait(false);
            return false;
        }

        _keyName = name;
        await SendAsync(new ActionAnswer { Success = true, Type = "auth" }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RefuseAndCloseAsync(string? action, ActionError error, CancellationToken cancellationToken)
    {
        var answer = ActionAnswer.Refused(action, error);
        await AgentAudit.RecordAsync(_options.Audit, _options.Display, Who, action ?? "", null, answer, cancellationToken).ConfigureAwait(false);
        await SendAsync(answer, cancellationToken).ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, error.Field, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> AnswerAsync(string action, AgentAction? parsed, ActionAnswer answer, CancellationToken cancellationToken)
    {
        await AgentAudit.RecordAsync(_options.Audit, _options.Display, Who, action, parsed, answer, cancellationToken).ConfigureAwait(false);
        await SendAsync(answer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task SendAsync(ActionAnswer answer, CancellationToken cancellationToken) =>
        _socket.State == WebSocketState.Open
            ? _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(answer, AgentJsonContext.Default.ActionAnswer), WebSocketMessageType.Text, true, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The message length; over the limit when it did not fit; -1 when the client closed.</summary>
    private async Task<int> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        const int limit = ActionLimits.MaxMessageBytes;
        var length = 0;
        while (true)
        {
            if (length == limit)
            {
                return limit + 1;
            }

            var result = await _socket.ReceiveAsync(buffer.AsMemory(length, limit - length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken).ConfigureAwait(false);
                }

                return -1;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return length;
            }
        }
    }

    internal static string Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
