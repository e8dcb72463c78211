using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Tui.Render;

namespace Aura.Tui.Views;

/// <summary>JetsonScope's Processes view with htop's habits: sortable columns, a filter, a selection to signal.</summary>
internal static class ProcessesView
{
    private static readonly (string Title, int Width, ProcessSort? Sort)[] Columns =
    [
        ("PID", 8, ProcessSort.Pid),
        ("USER", 10, null),
        ("S", 2, null),
        ("CPU%", 7, ProcessSort.Cpu),
        ("MEM%", 7, ProcessSort.Memory),
        ("RSS", 11, null),
        ("THR", 5, null),
    ];

    /// <summary>The processes to list after filter and sort (as a tree when toggled), with each row's tree guide.</summary>
    public static (ImmutableArray<ProcessSample> Rows, ImmutableArray<string> Guides) Visible(TopState state, Snapshot s, bool ascii)
    {
        var list = new List<ProcessSample>(s.Processes.Length);
        foreach (var p in s.Processes)
        {
            if (state.Filter.Length == 0
                || p.Name.Contains(state.Filter, StringComparison.OrdinalIgnoreCase)
                || p.User.Contains(state.Filter, StringComparison.OrdinalIgnoreCase)
                || p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) == state.Filter)
            {
                list.Add(p);
            }
        }

        Comparison<ProcessSample> order = state.Sort switch
        {
            ProcessSort.Memory => (a, b) => b.RssBytes.CompareTo(a.RssBytes),
            ProcessSort.Pid => (a, b) => a.Pid.CompareTo(b.Pid),
            ProcessSort.Name => (a, b) => string.CompareOrdinal(a.Name, b.Name),
            _ => (a, b) => (b.CpuPercent ?? -1).CompareTo(a.CpuPercent ?? -1),
        };
        list.Sort((a, b) => order(a, b) is var r && r != 0 ? r : a.Pid.CompareTo(b.Pid));
        if (state.Tree)
        {
            return ProcessTree.Order(list, ascii);
        }

        var guides = new string[list.Count];
        Array.Fill(guides, "");
        return ([.. list], ImmutableArray.Create(guides));
    }

    public static void Draw(DrawContext c, TopState state, Snapshot s, int top, int bottom)
    {
        var theme = c.Theme;
        var (visible, guides) = Visible(state, s, c.Graphs == GraphStyle.Ascii);
        state.VisibleProcesses = visible;
        var gpu = visible.Any(p => p.GpuMemoryBytes is not null);
        var filter = state.Filter.Length > 0 ? $"  filter '{state.Filter}'" : "";
        var tree = state.Tree ? " · tree (e)" : "";
        c.Text(0, top, Fmt.Inv($"{visible.Length} of {s.Processes.Length} top processes · sorted by {Name(state.Sort)}{tree}{filter}"), theme.Muted);
        var header = top + 1;
        var x = 0;
        foreach (var (title, width, sort) in Columns)
        {
            var active = sort == state.Sort;
            var text = title + (active ? "▼" : "");
            c.Text(x, header, text.PadLeft(title is "USER" or "S" ? 0 : width - 1).PadRight(width), active ? theme.Accent : theme.Title, CellAttributes.Bold);
            if (sort is { } s2)
            {
                c.Hits.Add(new HitZone(x, header, width, HitTarget.SortColumn, (int)s2));
            }

            x += width;
        }

        if (gpu)
        {
            c.Text(x, header, "  GPU MEM ", theme.Title, CellAttributes.Bold);
            x += 10;
        }

        c.Text(x + 1, header, "NAME", state.Sort == ProcessSort.Name ? theme.Accent : theme.Title, CellAttributes.Bold);
        c.Hits.Add(new HitZone(x + 1, header, 4, HitTarget.SortColumn, (int)ProcessSort.Name));

        var rows = bottom - header - 1;
        state.Selected = Math.Clamp(state.Selected, 0, Math.Max(0, visible.Length - 1));
        if (state.Selected < state.Scroll)
        {
            state.Scroll = state.Selected;
        }
        else if (rows > 0 && state.Selected >= state.Scroll + rows)
        {
            state.Scroll = state.Selected - rows + 1;
        }

        for (var i = 0; i < rows && state.Scroll + i < visible.Length; i++)
        {
            var index = state.Scroll + i;
            var p = visible[index];
            var y = header + 1 + i;
            var line = Fmt.Inv($"{p.Pid,7} {Trim(p.User, 9),-9} {p.State} {p.CpuPercent ?? 0,6:0.0} {p.MemoryPercent,6:0.0} {Fmt.Bytes(p.RssBytes),10} {p.Threads,4}");
            if (gpu)
            {
                line += Fmt.Inv($" {(p.GpuMemoryBytes is { } g ? Fmt.Bytes(g) : ""),9}");
            }

            var color = theme.Level((p.CpuPercent ?? 0) / 100);
            c.Text(0, y, line, theme.Text);
            var x0 = c.Text(line.Length + 1, y, guides[index], theme.Muted);
            c.Text(x0, y, p.Name, color == theme.Good ? theme.Text : color);
            c.Hits.Add(new HitZone(0, y, c.Width, HitTarget.Row, index));
            if (index == state.Selected)
            {
                c.Screen.Highlight(y, theme.Selection, CellAttributes.None);
                c.Screen.Set(0, y, '>', theme.Title, theme.Selection, CellAttributes.Bold);
            }
        }
    }

    public static string Name(ProcessSort sort) => sort switch
    {
        ProcessSort.Memory => "memory",
        ProcessSort.Pid => "PID",
        ProcessSort.Name => "name",
        _ => "CPU",
    };

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..width];
}
