using System.Buffers.Text;
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
    private static readonly byte[] CapturedOne = "{\"status\":\"captured\",\"event_id\":"u8.ToArray();
    private static readonly byte[] CapturedBatch = "{\"status\":\"captured\",\"first_event_id\":"u8.ToArray();

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapPost("/events", context => PostAsync(context, state)).WithMetadata(Ingest);
        app.MapPost("/events/batch", context => PostBatchAsync(context, state)).WithMetadata(Ingest);
        EventQueryEndpoints.Map(app, state);
    }

    internal static IResult EventLogOff() =>
        Problems.Unavailable("events_off", "this server runs without an event log (no database path); start `aura serve` with --db-path or --events-path");

    private static async Task PostAsync(HttpContext context, ServerState state)
    {
        if (state.Events is not { } log)
        {
            await EventLogOff().ExecuteAsync(context);
            return;
        }

        var limit = state.Options.Limits.MaxEventBodyBytes;
        NewEvent? parsed;
        EventError error;
        using (var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted))
        {
            if (body is null)
            {
                await TooLarge(limit).ExecuteAsync(context);
                return;
            }

            parsed = EventBodyParser.ParseOne(body.Span, EventTime.Micros(state.Clock.GetUtcNow()), out error);
        }

        if (parsed is null)
        {
            await Refuse(error).ExecuteAsync(context);
            return;
        }

        long id;
        try
        {
            id = await log.AppendAsync(parsed, context.RequestAborted);
        }
        catch (Exception e) when (e is EventLogException or ObjectDisposedException)
        {
            await Problems.ServerError("storage_failed", $"the event was not stored: {e.Message}").ExecuteAsync(context);
            return;
        }

        await WriteCapturedAsync(context, CapturedOne, id, -1);
    }

    private static async Task PostBatchAsync(HttpContext context, ServerState state)
    {
        if (state.Events is not { } log)
        {
            await EventLogOff().ExecuteAsync(context);
            return;
        }

        var limits = state.Options.Limits;
        List<NewEvent>? events;
        EventError error;
        using (var body = await RequestBody.ReadAsync(context.Request, limits.MaxEventBodyBytes, context.RequestAborted))
        {
            if (body is null)
            {
                await TooLarge(limits.MaxEventBodyBytes).ExecuteAsync(context);
                return;
            }

            events = EventBodyParser.ParseBatch(body.Span, EventTime.Micros(state.Clock.GetUtcNow()), limits.MaxEventBatch, out error);
        }

        if (events is null)
        {
            await Refuse(error).ExecuteAsync(context);
            return;
        }

        long first;
        try
        {
            first = await log.AppendBatchAsync(events, context.RequestAborted);
        }
        catch (Exception e) when (e is EventLogException or ObjectDisposedException)
        {
            await Problems.ServerError("storage_failed", $"no event of the batch was stored: {e.Message}").ExecuteAsync(context);
            return;
        }

        await WriteCapturedAsync(context, CapturedBatch, first, events.Count);
    }

    private static IResult Refuse(EventError error) =>
        error.Field == "body" ? Problems.BadRequest(error.Field, error.Detail)
            : Problems.Invalid(error.Field, error.Detail);

    private static IResult TooLarge(int limit) =>
        Problems.PayloadTooLarge($"the body is larger than {limit / 1024} KB; split events across requests");

    /// <summary>201 with a few bytes written straight into the response pipe: the hot path allocates no serializer.</summary>
    private static async Task WriteCapturedAsync(HttpContext context, ReadOnlyMemory<byte> prefix, long id, int count)
    {
        Write(context.Response, prefix.Span, id, count);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static void Write(HttpResponse response, ReadOnlySpan<byte> prefix, long id, int count)
    {
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = "application/json";
        var span = response.BodyWriter.GetSpan(160);
        prefix.CopyTo(span);
        var at = prefix.Length;
        Utf8Formatter.TryFormat(id, span[at..], out var written);
        at += written;
        if (count >= 0)
        {
            ",\"last_event_id\":"u8.CopyTo(span[at..]);
            at += 17;
            Utf8Formatter.TryFormat(id + count - 1, span[at..], out written);
            at += written;
            ",\"count\":"u8.CopyTo(span[at..]);
            at += 9;
            Utf8Formatter.TryFormat(count, span[at..], out written);
            at += written;
        }

        span[at++] = (byte)'}';
        response.ContentLength = at;
        response.BodyWriter.Advance(at);
    }
}
