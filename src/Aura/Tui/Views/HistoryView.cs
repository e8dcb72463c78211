using Aura.Core.Model;
using Aura.Tui.Render;

namespace Aura.Tui.Views;

/// <summary>The DVR timeline of one series with event markers and the moment every view is frozen at.</summary>
internal static class HistoryView
{
    public static readonly (string Name, string Key)[] Series =
    [
        ("CPU usage", "aura_cpu_usage_ratio"),
        ("memory used", "aura_memory_used_ratio"),
        ("swap used", "aura_swap_used_ratio"),
        ("hottest temperature (°C)", "aura_temperature_hottest_celsius"),
        ("GPU 0 load", "aura_gpu_utilization_ratio{gpu=\"0\",engine=\"gpu\"}"),
        ("screen changed (agent)", "aura_screen_changed_ratio"),
    ];

    public static TimeSpan Window(HistoryTier tier) => tier switch
    {
        HistoryTier.Hour => TimeSpan.FromDays(7),
        HistoryTier.Minute => TimeSpan.FromHours(6),
        _ => TimeSpan.FromMinutes(10),
    };

    public static string TierName(HistoryTier tier, TimeSpan interval) => tier switch
    {
        HistoryTier.Hour => "hour",
        HistoryTier.Minute => "minute",
        _ => Fmt.Inv($"tick ({interval.TotalSeconds:0.0#} s)"),
    };

    public static void Draw(DrawContext c, TopState state, Snapshot? shown, int top, int bottom)
    {
        var theme = c.Theme;
        var y = top;
        var (name, _) = Series[state.HistorySeries % Series.Length];
        c.Text(0, y++, $"DVR · step {TierName(state.Tier, state.Interval)} (t) · series {name} (g) · [ ] or ←/→ step · l live", theme.Muted);
        if (state.HistoryProblem is { } problem)
        {
            c.Text(0, y, problem, theme.Warn);
            return;
        }

        var graphHeight = Math.Clamp(bottom - y - 9, 2, 8);
        if (state.Timeline is { } timeline && timeline.Result.Points.Length > 0)
        {
            Timeline(c, state, timeline, y, graphHeight);
        }
        else
        {
            c.Text(0, y, "Nothing recorded in this window yet.", theme.Muted);
        }

        y += graphHeight + 3;
        if (state.FrozenAt is null || shown is null)
        {
            c.Text(0, y, "Live. Press [ (or ←) to step back through the recording; every view then shows that moment.", theme.Text);
            return;
        }

        c.Text(0, y++, Fmt.Inv($"At {shown.Timestamp.ToLocalTime():yyyy-MM-dd HH:mm:ss}: CPU {Fmt.Percent(shown.Cpu.Total?.Busy).Trim()} · memory {Fmt.Percent(shown.Memory.UsedRatio).Trim()} of {Fmt.Bytes(shown.Memory.TotalBytes)}"), theme.Title, CellAttributes.Bold);
        c.Text(0, y++, "Top processes then:", theme.Muted);
        foreach (var p in shown.Processes)
        {
            if (y >= bottom)
            {
                break;
            }

            c.Text(0, y++, Fmt.Inv($"{p.Pid,7} {p.User,-9} {p.CpuPercent ?? 0,6:0.0}% {p.MemoryPercent,5:0.0}%  {p.Name}"), theme.Text);
        }
    }

    private static void Timeline(DrawContext c, TopState state, History.TopTimeline window, int y, int height)
    {
        var timeline = window.Result;
        var theme = c.Theme;
        var width = c.Width - 2;
        var perCell = c.Graphs == GraphStyle.Braille ? 2 : 1;
        var slots = width * perCell;
        var from = timeline.Points[0].Time;
        var to = timeline.Points[^1].Time;
        if (state.FrozenAt is { } at && at > to)
        {
            to = at;
        }

        var span = Math.Max(1, (to - from).TotalSeconds);
        var values = new double[slots];
        Array.Fill(values, double.NaN);
        var max = 1.0;
        foreach (var point in timeline.Points)
        {
            max = Math.Max(max, point.Max);
        }

        foreach (var point in timeline.Points)
        {
            var slot = (int)Math.Min(slots - 1, (point.Time - from).TotalSeconds / span * (slots - 1));
            var value = point.Max / max;
            values[slot] = double.IsNaN(values[slot]) ? value : Math.Max(values[slot], value);
        }

        Graphs.Sparkline(c.Screen, 1, y, width, height, values, c.Graphs, theme);
        var axis = y + height;
        c.Text(1, axis + 1, from.ToLocalTime().ToString("MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), theme.Muted);
        var end = to.ToLocalTime().ToString("MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        c.Text(c.Width - end.Length - 1, axis + 1, end, theme.Muted);
        foreach (var (when, level) in window.Markers ?? Markers(state))
        {
            if (when >= from && when <= to)
            {
                var column = 1 + (int)((when - from).TotalSeconds / span * (width - 1));
                c.Screen.Set(column, axis, '◆', level == "error" ? theme.Bad : level == "warn" ? theme.Warn : theme.Info);
            }
        }

        if (state.FrozenAt is { } frozen && frozen >= from)
        {
            var column = 1 + (int)Math.Min(width - 1, (frozen - from).TotalSeconds / span * (width - 1));
            c.Screen.Set(column, axis, '▲', theme.Warn, Cell.Default, CellAttributes.Bold);
        }
    }

    /// <summary>The markers of the event tail the Events view polls, for a timeline read from a local DVR file.</summary>
    private static IEnumerable<History.TimelineMarker> Markers(TopState state)
    {
        foreach (var e in state.Events)
        {
            if (DateTimeOffset.TryParse(EventsView.Text(e, "timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var when))
            {
                yield return new History.TimelineMarker(when, EventsView.Text(e, "level"));
            }
        }
    }
}
