using System.Text.Json;
using Aura.Server.Hosting;

namespace Aura.Server.Events;

/// <summary>
/// Answers one client message of Argus's protocol: <c>auth</c> (an API key with the read scope), <c>subscribe</c>
/// (filters: exact source, event_type, level), <c>ping</c>. Events flow only once the client is authenticated.
/// </summary>
internal sealed class WsRequestHandler(ServerState state, EventSubscriber subscriber, bool authenticated)
{
    public bool Authenticated { get; private set; } = authenticated;

    public void Handle(ReadOnlySpan<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException e)
        {
            subscriber.Offer(WsMessages.Error($"not valid JSON: {e.Message}"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                subscriber.Offer(WsMessages.Error("a message is a JSON object with a string \"type\": auth, subscribe or ping", "type"));
                return;
            }

            switch (type.GetString())
            {
                case "auth":
                    Auth(root);
                    break;
                case "subscribe":
                    Subscribe(root);
                    break;
                case "ping":
                    subscriber.Offer(WsMessages.Pong);
                    break;
                default:
                    subscriber.Offer(WsMessages.Error($"unknown message type '{type.GetString()}': use auth, subscribe or ping", "type"));
                    break;
            }
        }
    }

    private void Auth(JsonElement root)
    {
        var key = root.TryGetProperty("api_key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        var found = string.IsNullOrEmpty(key) ? null : state.Options.Keys.Find(key);
        if (found is null || !found.Allows(Aura.Server.Auth.ApiScopes.Read))
        {
            var why = found is null ? "invalid API key" : $"the key '{found.Name}' lacks the 'read' scope";
            subscriber.Offer(WsMessages.AuthError(why));
            subscriber.End("authentication failed: " + why);
            return;
        }

        subscriber.Offer(WsMessages.AuthSuccess);
        if (!Authenticated)
        {
            Authenticated = true;
            state.EventHub.Add(subscriber);
        }
    }

    private void Subscribe(JsonElement root)
    {
        if (!Authenticated)
        {
            subscriber.Offer(WsMessages.Error("authenticate first: send {\"type\":\"auth\",\"api_key\":\"...\"}", "api_key"));
            return;
        }

        string? source = null, eventType = null;
        Core.Events.EventLevel? level = null;
        if (root.TryGetProperty("filters", out var filters) && filters.ValueKind != JsonValueKind.Null)
        {
            if (filters.ValueKind != JsonValueKind.Object)
            {
                subscriber.Offer(WsMessages.Error("filters must be an object with source, event_type and/or level", "filters"));
                return;
            }

            foreach (var property in filters.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var field = "filters." + property.Name;
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
                string? problem = property.Name switch
                {
                    _ when text is null => $"{property.Name} must be a string",
                    "source" => EventRules.CheckSource(text),
                    "event_type" => EventRules.CheckEventType(text),
                    "level" => EventLevels.Parse(text) is null ? $"level must be one of {EventLevels.Allowed}" : null,
                    _ => $"unknown filter '{property.Name}': filter on source, event_type or level",
                };
                if (problem is not null)
                {
                    subscriber.Offer(WsMessages.Error(problem, field));
                    return;
                }

                switch (property.Name)
                {
                    case "source":
                        source = text;
                        break;
                    case "event_type":
                        eventType = text;
                        break;
                    default:
                        level = EventLevels.Parse(text);
                        break;
                }
            }
        }

        var filter = new EventFilter(source, eventType, level);
        subscriber.Filter = filter;
        subscriber.Offer(WsMessages.Subscribed(filter));
    }
}
