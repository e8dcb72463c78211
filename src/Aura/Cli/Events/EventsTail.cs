using System.Buffers;
using System.CommandLine;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aura.Output;

namespace Aura.Cli.Events;

/// <summary>`aura events tail [filters]`: subscribes over <c>/ws</c> and prints each new event as it is stored, until Ctrl-C.</summary>
internal static class EventsTail
{
    public static Command Create()
    {
        var client = new EventsClientOptions();
        var filters = new EventsFilterOptions();
        var command = new Command("tail", "Print new events live as the daemon stores them, until Ctrl-C.");
        client.AddTo(command);
        filters.AddTo(command);
        command.SetAction((parse, cancellationToken) => EventsCommand.GuardAsync(() =>
        {
            var daemon = EventsDaemon.Resolve(parse.GetValue(client.Host), parse.GetValue(client.Port), parse.GetValue(client.Config), "read");
            return RunAsync(daemon, Subscribe(parse.GetValue(filters.Source), parse.GetValue(filters.Type), parse.GetValue(filters.Level)), parse.GetValue(client.Json), cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunAsync(EventsDaemon daemon, byte[] subscribe, bool json, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(daemon.WebSocket("/ws"), cancellationToken);
        }
        catch (WebSocketException e)
        {
            throw new EventsClientException($"no Aura daemon answers at {daemon.Url} ({e.Message}); start one with `aura serve`", e);
        }

        await SendAsync(socket, Auth(daemon.Key), cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(4096);
        // Through write(2), not Console.Out (which swallows EPIPE): `aura events tail | head -1` ends once head leaves.
        using var output = LineOutput.OpenStandardOutput();
        if (!json)
        {
            output.WriteLine(EventsText.Header);
        }

        while (await ReceiveAsync(socket, buffer, cancellationToken) is { } message)
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "auth_result" when root.GetProperty("status").GetString() != "success":
                    throw new EventsClientException($"the daemon refused the API key: {(root.TryGetProperty("message", out var why) ? why.GetString() : "auth failed")}");
                case "auth_result":
                    await SendAsync(socket, subscribe, cancellationToken);
                    break;
                case "error":
                    throw new EventsClientException($"the daemon refused the subscription: {root.GetProperty("message").GetString()}");
                case "event":
                    var e = root.GetProperty("event");
                    output.WriteLine(json ? e.GetRawText() : EventsText.Line(e));
                    break;
            }
        }

        var reason = socket.CloseStatusDescription;
        throw new EventsClientException(string.IsNullOrEmpty(reason) ? "the daemon closed the connection" : $"the daemon closed the connection: {reason}");
    }

    private static byte[] Auth(string key) => Json(w =>
    {
        w.WriteString("type", "auth");
        w.WriteString("api_key", key);
    });

    private static byte[] Subscribe(string? source, string? type, string? level) => Json(w =>
    {
        w.WriteString("type", "subscribe");
        w.WriteStartObject("filters");
        foreach (var (name, value) in new[] { ("source", source), ("event_type", type), ("level", level) })
        {
            if (value is not null)
            {
                w.WriteString(name, value);
            }
        }

        w.WriteEndObject();
    });

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static Task SendAsync(ClientWebSocket socket, byte[] message, CancellationToken cancellationToken) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<string?> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.Clear();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }
}
