using System.Buffers.Text;
using Aura.Server.Api;
using Aura.Server.Hosting;
using Aura.Storage.Events;
using Microsoft.AspNetCore.Http;

namespace Aura.Server.Events;

/// <summary>
/// The one way an ingest request is handled: read the body within the limit, parse and validate it, store it durably,
/// and answer 201 with its ids only then. <c>POST /events</c> and <c>POST /events/batch</c> differ only in what they
/// parse (<typeparamref name="T"/>: one event or a list), how they store it and what the answer counts.
/// </summary>
internal sealed class EventIngest<T>(
    EventIngest<T>.Parser parse,
    Func<EventLog, T, CancellationToken, Task<long>> store,
    Func<T, int> count,
    string notStored,
    byte[] captured)
    where T : class
{
    /// <summary>The parsed body, or null with the first error (nothing is stored then).</summary>
    public delegate T? Parser(ReadOnlySpan<byte> body, long nowMicros, int maxBatch, out EventError error);

    public async Task PostAsync(HttpContext context, ServerState state)
    {
        if (state.Events is not { } log)
        {
            await EventEndpoints.EventLogOff().ExecuteAsync(context);
            return;
        }

        var limits = state.Options.Limits;
        T? parsed;
        EventError error;
        using (var body = await RequestBody.ReadAsync(context.Request, limits.MaxEventBodyBytes, context.RequestAborted))
        {
            if (body is null)
            {
                await TooLarge(limits.MaxEventBodyBytes).ExecuteAsync(context);
                return;
            }

            parsed = parse(body.Span, EventTime.Micros(state.Clock.GetUtcNow()), limits.MaxEventBatch, out error);
        }

        if (parsed is null)
        {
            await Refuse(error).ExecuteAsync(context);
            return;
        }

        long first;
        try
        {
            first = await store(log, parsed, context.RequestAborted);
        }
        catch (Exception e) when (e is EventLogException or ObjectDisposedException)
        {
            await Problems.ServerError("storage_failed", $"{notStored}: {e.Message}").ExecuteAsync(context);
            return;
        }

        Write(context.Response, first, count(parsed));
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static IResult Refuse(EventError error) =>
        error.Field == "body" ? Problems.BadRequest(error.Field, error.Detail)
            : Problems.Invalid(error.Field, error.Detail);

    private static IResult TooLarge(int limit) =>
        Problems.PayloadTooLarge($"the body is larger than {limit / 1024} KB; split events across requests");

    /// <summary>
    /// 201 with a few bytes written straight into the response pipe: the hot path allocates no serializer. A count
    /// below 0 is a single event's answer (its id only).
    /// </summary>
    private void Write(HttpResponse response, long id, int events)
    {
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = "application/json";
        var span = response.BodyWriter.GetSpan(160);
        captured.CopyTo(span);
        var at = captured.Length;
        Utf8Formatter.TryFormat(id, span[at..], out var written);
        at += written;
        if (events >= 0)
        {
            ",\"last_event_id\":"u8.CopyTo(span[at..]);
            at += 17;
            Utf8Formatter.TryFormat(id + events - 1, span[at..], out written);
            at += written;
            ",\"count\":"u8.CopyTo(span[at..]);
            at += 9;
            Utf8Formatter.TryFormat(events, span[at..], out written);
            at += written;
        }

        span[at++] = (byte)'}';
        response.ContentLength = at;
        response.BodyWriter.Advance(at);
    }
}
