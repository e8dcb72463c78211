using System.Globalization;
using System.Text.Json;
using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Aura.Storage.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Events;

/// <summary>
/// Argus's read API, all behind a read key: <c>GET /events</c> (filters, newest first, <c>before_id</c> paging),
/// <c>GET /sources</c> and <c>GET /event-types</c> (complete, sorted).
/// </summary>
internal static class EventQueryEndpoints
{
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapGet("/events", context => QueryAsync(context, state)).WithMetadata(AccessRule.RequireRead);
        app.MapGet("/sources", context => NamesAsync(context, state, "sources", log => log.Sources())).WithMetadata(AccessRule.RequireRead);
        app.MapGet("/event-types", context => NamesAsync(context, state, "event_types", log => log.EventTypes())).WithMetadata(AccessRule.RequireRead);
    }

    private static async Task QueryAsync(HttpContext context, ServerState state)
    {
        if (state.Events is not { } log)
        {
            await EventEndpoints.EventLogOff().ExecuteAsync(context);
            return;
        }

        var (query, problem) = Parse(context.Request.Query, state.Options.Limits.MaxEventQueryLimit);
        if (problem is not null)
        {
            await problem.ExecuteAsync(context);
            return;
        }

        var found = log.Query(query!);
        if (found is null)
        {
            await Problems.BadRequest("before_id", $"no event {query!.BeforeId} is stored (it may have expired); start again without before_id").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartArray("events"u8);
        foreach (var stored in found)
        {
            EventJson.Write(writer, stored);
        }

        writer.WriteEndArray();
        if (found.Count == query!.Limit)
        {
            writer.WriteNumber("next_before_id"u8, found[^1].Id);
        }
        else
        {
            writer.WriteNull("next_before_id"u8);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    internal static (EventQuery? Query, IResult? Problem) Parse(IQueryCollection q, int maxLimit = MaxLimit)
    {
        var query = new EventQuery();
        if (Text(q, "source") is { } source)
        {
            if (EventRules.CheckSource(source) is { } why)
            {
                return (null, Problems.BadRequest("source", why));
            }

            query = query with { Source = source };
        }

        if (Text(q, "event_type") is { } type)
        {
            if (EventRules.CheckEventType(type) is { } why)
            {
                return (null, Problems.BadRequest("event_type", why));
            }

            query = query with { EventType = type };
        }

        if (Text(q, "level") is { } levelText)
        {
            if (EventLevels.Parse(levelText) is not { } level)
            {
                return (null, Problems.BadRequest("level", $"level must be one of {EventLevels.Allowed}, not '{levelText}'"));
            }

            query = query with { Level = level };
        }

        foreach (var name in new[] { "since", "until" })
        {
            if (Text(q, name) is not { } text)
            {
                continue;
            }

            if (!QueryTime.TryParse(text, out var time))
            {
                return (null, Problems.BadRequest(name, $"{name} '{text}' must be ISO 8601 with Z or an offset (e.g. 2025-11-20T00:00:00Z) or epoch seconds"));
            }

            query = name == "since" ? query with { SinceMicros = EventTime.Micros(time) } : query with { UntilMicros = EventTime.Micros(time) };
        }

        if (query.SinceMicros > query.UntilMicros)
        {
            return (null, Problems.BadRequest("since", "since is after until"));
        }

        if (Text(q, "limit") is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
            {
                return (null, Problems.BadRequest("limit", $"limit must be a whole number from 1 to {maxLimit}, not '{limitText}'"));
            }

            if (limit > maxLimit)
            {
                return (null, Problems.BadRequest("limit", $"limit must be at most {maxLimit}, not {limit}; page with before_id for more"));
            }

            if (limit < 1)
            {
                return (null, Problems.BadRequest("limit", $"limit must be at least 1, not {limit}"));
            }

            query = query with { Limit = limit };
        }

        if (Text(q, "before_id") is { } beforeText)
        {
            if (!long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var beforeId) || beforeId < 1)
            {
                return (null, Problems.BadRequest("before_id", $"before_id must be an event id (a whole number of 1 or more), not '{beforeText}'"));
            }

            query = query with { BeforeId = beforeId };
        }

        return (query, null);
    }

    private static string? Text(IQueryCollection q, string name) => q.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static async Task NamesAsync(HttpContext context, ServerState state, string property, Func<EventLog, IReadOnlyList<string>> read)
    {
        if (state.Events is not { } log)
        {
            await EventEndpoints.EventLogOff().ExecuteAsync(context);
            return;
        }

        var names = read(log);
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartArray(property);
        foreach (var name in names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
