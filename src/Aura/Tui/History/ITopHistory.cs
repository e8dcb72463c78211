using Aura.Core.Model;

namespace Aura.Tui.History;

/// <summary>The DVR `aura top` rewinds through: a local file, or the daemon's over its HTTP API.</summary>
/// <remarks>Failures are <see cref="Storage.Dvr.DvrException"/>s whose message says what to do.</remarks>
internal interface ITopHistory : IDisposable
{
    /// <summary>The file or URL, for messages.</summary>
    string Where { get; }

    /// <summary>The recorded tick one step before <paramref name="from"/> (the previous tick for the tick tier).</summary>
    Snapshot? Back(DateTimeOffset from, TimeSpan step, bool tickTier, HostInfo host);

    /// <summary>The recorded tick one step after <paramref name="from"/>; null when that is past the newest recording.</summary>
    Snapshot? Forward(DateTimeOffset from, TimeSpan step, bool tickTier, HostInfo host);

    /// <summary>The series over the window with the event log's markers in it.</summary>
    TopTimeline Timeline(string series, DateTimeOffset from, DateTimeOffset to, int points);
}
