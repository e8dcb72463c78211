using Aura.Tui.Render;

namespace Aura.Tui.Views;

/// <summary>The header (host, source, refresh, live or frozen), the tab row, and the status line at the bottom.</summary>
internal static class Chrome
{
    public static void Header(DrawContext c, TopState state, DateTimeOffset now)
    {
        var theme = c.Theme;
        c.Screen.Fill(0, 0, c.Width, theme.Title, theme.BarBackground);
        var host = state.Live?.Host.Hostname ?? "";
        var x = c.Screen.Text(0, 0, " aura top ", theme.Title, theme.BarBackground, CellAttributes.Bold);
        x = c.Screen.Text(x, 0, Fmt.Inv($"{host} · {state.Source} · every {state.Interval.TotalSeconds:0.0#} s"), theme.Text, theme.BarBackground);
        string right;
        int color;
        if (state.FrozenAt is { } at)
        {
            right = Fmt.Inv($" Frozen at {at.ToLocalTime():yyyy-MM-dd HH:mm:ss} ");
            color = theme.Warn;
        }
        else
        {
            right = Fmt.Inv($" Live {now.ToLocalTime():HH:mm:ss} ");
            color = theme.Good;
        }

        c.Screen.Text(Math.Max(x + 1, c.Width - right.Length), 0, right, color, theme.BarBackground, CellAttributes.Bold);
    }

    public static void Tabs(DrawContext c, TopState state)
    {
        var x = 0;
        for (var i = 0; i < TopState.ViewCount; i++)
        {
            var label = Fmt.Inv($" {i + 1} {TopState.ViewNames[i]} ");
            var active = (int)state.View == i;
            var end = c.Screen.Text(x, 1, label, active ? c.Theme.Title : c.Theme.Muted, active ? c.Theme.Selection : Cell.Default, active ? CellAttributes.Bold | CellAttributes.Underline : CellAttributes.None);
            c.Hits.Add(new HitZone(x, 1, end - x, HitTarget.Tab, i));
            x = end + 1;
        }
    }

    public static void Status(DrawContext c, TopState state)
    {
        var y = c.Screen.Height - 1;
        var theme = c.Theme;
        c.Screen.Fill(0, y, c.Width, theme.Text, theme.BarBackground);
        if (state.Confirm is { } confirm)
        {
            c.Screen.Text(0, y, " " + confirm.Question + " [y/N] ", theme.Warn, theme.BarBackground, CellAttributes.Bold);
            return;
        }

        if (state.Editing)
        {
            c.Screen.Text(0, y, " filter: " + state.Filter + "▏  (Enter keeps it, Esc clears)", theme.Accent, theme.BarBackground);
            return;
        }

        if (state.Status.Length > 0)
        {
            c.Screen.Text(0, y, " " + state.Status, state.StatusIsError ? theme.Bad : theme.Text, theme.BarBackground, state.StatusIsError ? CellAttributes.Bold : CellAttributes.None);
            return;
        }

        c.Screen.Text(0, y, " q quit  h help  v view  s sort  / filter  k kill  [ ] rewind  l live  c m f controls", theme.Muted, theme.BarBackground);
    }

    public static void Help(DrawContext c)
    {
        string[] lines =
        [
            "Keys",
            "q / Ctrl-C   quit                   h / ?      this help",
            "v / Tab      next view              1-6        a view; ←/→ too",
            "s            sort CPU / memory      /          filter processes/events",
            "e            process tree on/off",
            "↑ ↓ PgUp PgDn select a process      k / K      SIGTERM / SIGKILL it",
            "+ / -        refresh slower/faster  r          reconnect to the daemon",
            "c            jetson_clocks on/off   m          next nvpmodel mode",
            "f            fan to 80 %            (controls ask first, via the daemon)",
            "[ / ]        step back / forward through the DVR (←/→ in History)",
            "t            step: tick/min/hour    g          History series",
            "l / End      back to live           mouse      tabs, column headers",
        ];
        var width = Math.Min(c.Width - 2, 72);
        var height = Math.Min(c.Screen.Height - 4, lines.Length + 2);
        var x0 = Math.Max(0, (c.Width - width) / 2);
        var y0 = 3;
        for (var row = 0; row < height; row++)
        {
            c.Screen.Fill(x0, y0 + row, width, c.Theme.Text, c.Theme.BarBackground);
        }

        for (var i = 0; i < lines.Length && i < height - 2; i++)
        {
            c.Screen.Text(x0 + 2, y0 + 1 + i, lines[i], i == 0 ? c.Theme.Title : c.Theme.Text, c.Theme.BarBackground, i == 0 ? CellAttributes.Bold : CellAttributes.None, width - 4);
        }
    }
}
