using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Aura.Storage.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Events;

/// <summary>
/// Argus's ingest API: <c>POST /events</c> and <c>POST /events/batch</c> need an ingest key and answer only after the
/// events are durable (201). Bad input is 400 (not JSON) or 422 (a field breaks a rule) naming the field, and stores nothing.
/// </summary>
internal static class EventEndpoints
{
    private static readonly AccessRule Ingest = new(ApiScopes.Ingest);

    private static readonly EventIngest<NewEvent> One = new(
        static (ReadOnlySpan<byte> body, long nowMicros, int _, out EventError error) => EventBodyParser.ParseOne(body, nowMicros, out error),
        static (log, newEvent, cancellationToken) => log.AppendAsync(newEvent, cancellationToken),
        static _ => -1,
        "the event was not stored",
        "{\"status\":\"captured\",\"event_id\":"u8.ToArray());

    private static readonly EventIngest<List<NewEvent>> Batch = new(
        EventBodyParser.ParseBatch,
        static (log, events, cancellationToken) => log.AppendBatchAsync(events, cancellationToken),
        static events => events.Count,
        "no event of the batch was stored",
        "{\"status\":\"captured\",\"first_event_id\":"u8.ToArray());

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapPost("/events", context => One.PostAsync(context, state)).WithMetadata(Ingest);
        app.MapPost("/events/batch", context => Batch.PostAsync(context, state)).WithMetadata(Ingest);
        EventQueryEndpoints.Map(app, state);
    }

    internal static IResult EventLogOff() =>
        Problems.Unavailable("events_off", "this server runs without an event log (no database path); start `aura serve` with --db-path or --events-path");
}
