using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Aura.Core.Model;
using Aura.Storage.Dvr;
using Aura.Tui.Data;

namespace Aura.Tui.History;

/// <summary>
/// The daemon's DVR over its HTTP API, for when its file is not readable here (another user's, another host's):
/// <c>/api/v1/values?at=</c> and <c>/api/v1/processes?at=</c> for a frozen moment, <c>/api/timeline</c> with its event
/// markers for the History view. The same moments as a local file gives, read by the daemon.
/// </summary>
internal sealed class DaemonHistory(DaemonHttp http) : ITopHistory
{
    private static readonly TimeSpan Epsilon = TimeSpan.FromMilliseconds(1);

    /// <summary>How far past a step forward to look when nothing was recorded within it (the daemon's own lookback).</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromMinutes(2);

    public string Where => http.Url.ToString();

    public Snapshot? Back(DateTimeOffset from, TimeSpan step, bool tickTier, HostInfo host) =>
        Checked(() => At(tickTier ? from - Epsilon : from - step, host));

    public Snapshot? Forward(DateTimeOffset from, TimeSpan step, bool tickTier, HostInfo host) => Checked(() => After(from, step, host));

    public TopTimeline Timeline(string series, DateTimeOffset from, DateTimeOffset to, int points) => Checked(() => Window(series, from, to, points));

    public void Dispose()
    {
    }

    private Snapshot? After(DateTimeOffset from, TimeSpan step, HostInfo host)
    {
        // The API answers "the tick at or before T": step past from, and past a gap if nothing lies within the step.
        foreach (var target in new[] { from + step, from + step + Lookback })
        {
            if (At(target, host) is { } found && found.Timestamp > from)
            {
                return found;
            }
        }

        return null;
    }

    private TopTimeline Window(string series, DateTimeOffset from, DateTimeOffset to, int points)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"/api/timeline?series={Uri.EscapeDataString(series)}&from={Epoch(from)}&to={Epoch(to)}&points={Math.Min(points, 10_000)}&missing=empty");
        using var document = JsonDocument.Parse(Get(query) ?? throw new DvrException($"the daemon at {Where} has no timeline for {series}"));
        var root = document.RootElement;
        var list = ImmutableArray.CreateBuilder<TimelinePoint>();
        foreach (var p in root.GetProperty("points").EnumerateArray())
        {
            list.Add(new TimelinePoint(Time(p.GetProperty("t")), p.GetProperty("avg").GetDouble(), p.GetProperty("min").GetDouble(), p.GetProperty("max").GetDouble()));
        }

        ImmutableArray<TimelineMarker>? markers = null;
        if (root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
        {
            var found = ImmutableArray.CreateBuilder<TimelineMarker>();
            foreach (var e in events.EnumerateArray())
            {
                found.Add(new TimelineMarker(Time(e.GetProperty("t")), e.GetProperty("level").GetString() ?? ""));
            }

            markers = found.ToImmutable();
        }

        var tier = Enum.TryParse<DvrTier>(root.GetProperty("tier").GetString(), ignoreCase: true, out var t) ? t : DvrTier.Raw;
        return new TopTimeline(new TimelineResult(series, tier, list.ToImmutable()), markers);
    }

    private T Checked<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DvrException($"the daemon at {Where} answered with JSON that is not Aura's ({e.Message})", e);
        }
    }

    private Snapshot? At(DateTimeOffset at, HostInfo host)
    {
        if (Get("/api/v1/values?at=" + Epoch(at)) is not { } values)
        {
            return null;
        }

        DvrTick tick;
        using (var document = JsonDocument.Parse(values))
        {
            var byKey = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var value in document.RootElement.GetProperty("values").EnumerateObject())
            {
                byKey[value.Name] = value.Value.GetDouble();
            }

            tick = new DvrTick(Time(document.RootElement.GetProperty("time")), null, null, byKey);
        }

        var processes = Get("/api/v1/processes?at=" + Epoch(tick.Timestamp)) is { } body
            ? JsonSerializer.Deserialize(body, DvrJsonContext.Default.DvrProcessTick)
            : null;
        return RecordedSnapshot.From(tick, processes, host);
    }

    /// <summary>The body of a 200; null for a 404 (nothing recorded there); a <see cref="DvrException"/> otherwise.</summary>
    private byte[]? Get(string pathAndQuery)
    {
        try
        {
            var (status, body) = http.GetAsync(pathAndQuery, CancellationToken.None).GetAwaiter().GetResult();
            return status switch
            {
                HttpStatusCode.OK => body,
                HttpStatusCode.NotFound => null,
                _ => throw new DvrException(http.Refusal(status, body)),
            };
        }
        catch (TopFeedException e)
        {
            throw new DvrException(e.Message, e);
        }
    }

    private static string Epoch(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(JsonElement seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds.GetDouble() * 1000));
}
