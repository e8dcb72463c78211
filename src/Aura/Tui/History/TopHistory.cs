using Aura.Core.Model;
using Aura.Storage.Dvr;
using Microsoft.Data.Sqlite;

namespace Aura.Tui.History;

/// <summary>
/// The DVR file `aura top` rewinds through (the daemon's, when it runs as the same user, or <c>--db-path</c>), opened
/// read-only: its reads never block the recorder.
/// </summary>
internal sealed class TopHistory(string? path) : ITopHistory
{
    private static readonly TimeSpan Lookback = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Epsilon = TimeSpan.FromMilliseconds(1);

    private DvrReader? _reader;

    public string Where => path ?? "no DVR";

    /// <summary>True when the file is there and this user may read it (a daemon of another user keeps its DVR to itself).</summary>
    public static bool Readable(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public Snapshot? Back(DateTimeOffset from, TimeSpan step, bool tickTier, HostInfo host)
    {
        var reader = Open();
        var until = tickTier ? from - Epsilon : from - step;
        var ticks = reader.Range(until - Lookback, until);
        return ticks.Count == 0 ? null : Load(reader, ticks[^1], host);
    }

    public Snapshot? Forward(DateTimeOffset from, TimeSpan step, bool tickTier, HostInfo host)
    {
        var reader = Open();
        if (!tickTier)
        {
            var target = from + step;
            var before = reader.Range(target - Lookback, target);
            if (before.Count > 0 && before[^1].Timestamp > from)
            {
                return Load(reader, before[^1], host);
            }
        }

        var after = reader.Range(from + Epsilon, from + step + Lookback);
        return after.Count == 0 ? null : Load(reader, after[0], host);
    }

    public TopTimeline Timeline(string series, DateTimeOffset from, DateTimeOffset to, int points) => new(Open().Timeline(series, from, to, points), null);

    public void Dispose() => _reader?.Dispose();

    private static Snapshot Load(DvrReader reader, DvrTick tick, HostInfo host) =>
        RecordedSnapshot.From(tick, reader.ProcessesAt(tick.Timestamp), host);

    private DvrReader Open()
    {
        if (_reader is not null)
        {
            return _reader;
        }

        if (path is null)
        {
            throw new DvrException("no DVR location: give --db-path");
        }

        try
        {
            return _reader = DvrReader.Open(path);
        }
        catch (SqliteException e)
        {
            throw new DvrException($"cannot read the DVR {path}: {e.Message}", e);
        }
    }
}
