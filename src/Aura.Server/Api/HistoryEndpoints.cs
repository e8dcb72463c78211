using System.Collections.Immutable;
using System.Globalization;
using Aura.Core.Series;
using Aura.Server.Hosting;
using Aura.Storage.Dvr;
using Aura.Storage.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Api;

/// <summary>
/// The DVR's read API: <c>/api/timeline</c>, <c>/api/v1/processes</c>, <c>/api/v1/db/stats</c>. Every parameter is
/// checked before the store is asked, and a bad one is a 400 that names it.
/// </summary>
internal static class HistoryEndpoints
{
    public const int DefaultPoints = 500;

    public const int MaxPoints = 10_000;

    public const int DefaultProcessLimit = 10;

    public const int MaxProcessLimit = 1000;

    private const int MaxSeriesLength = 512;

    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapGet("/api/timeline", (string? series, string? from, string? to, string? points, string? missing, CancellationToken cancellationToken) =>
            TimelineAsync(state, series, from, to, points, missing, cancellationToken));
        app.MapGet("/api/v1/processes", (string? at, string? from, string? to, string? limit, CancellationToken cancellationToken) =>
            ProcessesAsync(state, at, from, to, limit, cancellationToken));
        app.MapGet("/api/v1/values", (string? at, CancellationToken cancellationToken) => ValuesAsync(state, at, cancellationToken));
        app.MapGet("/api/v1/db/stats", (CancellationToken cancellationToken) => StatsAsync(state, cancellationToken));
    }

    private static async Task<IResult> TimelineAsync(
        ServerState state, string? series, string? fromText, string? toText, string? pointsText, string? missing, CancellationToken cancellationToken)
    {
        // missing=empty: a series never recorded (yet) is an empty window rather than a 404. The cockpit asks this way,
        // because a fresh server has recorded nothing for its first seconds, and a new disk or interface has no past.
        if (missing is not null && missing != "empty")
        {
            return Problems.BadRequest("missing", $"missing may only be 'empty', not '{missing}'");
        }

        if (CheckSeries(series) is { } badSeries)
        {
            return badSeries;
        }

        var points = DefaultPoints;
        if (pointsText is not null
            && (!int.TryParse(pointsText, NumberStyles.None, CultureInfo.InvariantCulture, out points) || points < 2 || points > MaxPoints))
        {
            return Problems.BadRequest("points", $"points must be a whole number from 2 to {MaxPoints}, not '{pointsText}'");
        }

        if (Window(state, fromText, toText, out var from, out var to) is { } badWindow)
        {
            return badWindow;
        }

        if (state.History is not { } history)
        {
            return NoHistory();
        }

        var found = await history.TimelineAsync(series!, from, to, points, cancellationToken);
        if (found is null && missing is null)
        {
            return Problems.NotFound("series", $"series '{series}' has not been recorded");
        }

        found ??= new TimelineResult(series!, DvrTier.Raw, []);

        var json = ImmutableArray.CreateBuilder<TimelinePointJson>(found.Points.Length);
        foreach (var point in found.Points)
        {
            json.Add(new TimelinePointJson(QueryTime.EpochSeconds(point.Time), point.Avg, point.Min, point.Max));
        }

        var tier = found.Tier.ToString().ToLowerInvariant();
        var body = new TimelineResponse(series!, tier, QueryTime.EpochSeconds(from), QueryTime.EpochSeconds(to), json.MoveToImmutable())
        {
            Events = TimelineEvents(state, from, to),
        };
        return TypedResults.Json(body, ServerJsonContext.Default.TimelineResponse);
    }

    private static ImmutableArray<TimelineEventJson>? TimelineEvents(ServerState state, DateTimeOffset from, DateTimeOffset to)
    {
        if (state.Events is not { } log)
        {
            return null;
        }

        var found = log.Query(new EventQuery { SinceMicros = EventTime.Micros(from), UntilMicros = EventTime.Micros(to), Limit = TimelineResponse.MaxEvents })!;
        var markers = ImmutableArray.CreateBuilder<TimelineEventJson>(found.Count);
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var (id, e) = found[i];
            markers.Add(new TimelineEventJson(
                id, e.TimestampMicros / 1e6, EventTime.Format(e.TimestampMicros), e.Source, e.EventType, Events.EventLevels.Name(e.Level), e.Message));
        }

        return markers.MoveToImmutable();
    }

    private static async Task<IResult> ProcessesAsync(ServerState state, string? atText, string? fromText, string? toText, string? limitText, CancellationToken cancellationToken)
    {
        if (atText is not null && (fromText is not null || toText is not null))
        {
            return Problems.BadRequest("at", "give either at=T or from=T&to=T, not both");
        }

        if (atText is null && fromText is null && toText is null)
        {
            return Problems.BadRequest("at", "give at=T for one moment, or from=T&to=T for a window (epoch seconds or ISO 8601 with an offset)");
        }

        if (atText is not null)
        {
            if (!QueryTime.TryParse(atText, out var at))
            {
                return BadTime("at", atText);
            }

            if (state.History is not { } history)
            {
                return NoHistory();
            }

            var found = await history.ProcessesAtAsync(at, cancellationToken);
            return found is null
                ? Problems.NotFound("at", $"nothing was recorded at or before {at:O}")
                : TypedResults.Json(found, DvrJsonContext.Default.DvrProcessTick);
        }

        var limit = DefaultProcessLimit;
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxProcessLimit))
        {
            return Problems.BadRequest("limit", $"limit must be a whole number from 1 to {MaxProcessLimit}, not '{limitText}'");
        }

        if (fromText is null || toText is null)
        {
            return Problems.BadRequest(fromText is null ? "from" : "to", "a window needs both from and to");
        }

        if (Window(state, fromText, toText, out var from, out var to) is { } badWindow)
        {
            return badWindow;
        }

        if (state.History is not { } store)
        {
            return NoHistory();
        }

        var top = await store.TopProcessesAsync(from, to, limit, cancellationToken);
        var body = new TopProcessesResponse(QueryTime.EpochSeconds(from), QueryTime.EpochSeconds(to), top);
        return TypedResults.Json(body, ServerJsonContext.Default.TopProcessesResponse);
    }

    /// <summary>Every recorded series at one moment: what the cockpit shows when it is scrubbed back to it.</summary>
    private static async Task<IResult> ValuesAsync(ServerState state, string? atText, CancellationToken cancellationToken)
    {
        if (atText is null)
        {
            return Problems.BadRequest("at", "at is required: epoch seconds or ISO 8601 with an offset");
        }

        if (!QueryTime.TryParse(atText, out var at))
        {
            return BadTime("at", atText);
        }

        if (state.History is not { } history)
        {
            return NoHistory();
        }

        var tick = await history.ValuesAtAsync(at, cancellationToken);
        return tick is null
            ? Problems.NotFound("at", $"no tick was recorded in the {History.DvrHistory.ValuesLookback.TotalMinutes:0} minutes up to {at:O} (older moments keep only rollups)")
            : TypedResults.Json(new ValuesResponse(QueryTime.EpochSeconds(tick.Timestamp), tick.Values), ServerJsonContext.Default.ValuesResponse);
    }

    private static async Task<IResult> StatsAsync(ServerState state, CancellationToken cancellationToken) =>
        state.History is { } history
            ? TypedResults.Json(await history.StatsAsync(cancellationToken), DvrJsonContext.Default.DvrStats)
            : NoHistory();

    private static IResult? CheckSeries(string? series)
    {
        if (string.IsNullOrWhiteSpace(series))
        {
            return Problems.BadRequest("series", "series is required, e.g. series=aura_cpu_usage_ratio (see /api/v1/series)");
        }

        if (series.Length > MaxSeriesLength)
        {
            return Problems.BadRequest("series", $"series is longer than {MaxSeriesLength} characters");
        }

        var brace = series.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? series : series[..brace];
        if (brace >= 0 && !series.EndsWith('}'))
        {
            return Problems.BadRequest("series", $"'{series}' is not a series key: labels go in braces, e.g. aura_cpu_core_usage_ratio{{cpu=\"0\"}}");
        }

        return SeriesCatalog.Find(name) is null
            ? Problems.BadRequest("series", $"'{name}' is not a known series; /api/v1/series lists them")
            : null;
    }

    /// <summary>Parses from/to; a missing end defaults to now, a missing start to an hour before the end.</summary>
    private static IResult? Window(ServerState state, string? fromText, string? toText, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = default;
        to = state.Clock.GetUtcNow();
        if (toText is not null && !QueryTime.TryParse(toText, out to))
        {
            return BadTime("to", toText);
        }

        from = to - DefaultWindow;
        if (fromText is not null && !QueryTime.TryParse(fromText, out from))
        {
            return BadTime("from", fromText);
        }

        return from > to ? Problems.BadRequest("from", $"from ({from:O}) is after to ({to:O})") : null;
    }

    private static IResult BadTime(string field, string text) =>
        Problems.BadRequest(field, $"{field} must be epoch seconds or ISO 8601 with an offset (e.g. 2026-11-21T10:00:00Z), not '{text}'");

    private static IResult NoHistory() =>
        Problems.Unavailable("no_history", "this server is not recording history (no DVR is attached)");
}
