using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Tui.Views;

/// <summary>
/// The Processes view's tree (btop's <c>e</c>): children under their parent, siblings in the chosen sort order, each row
/// with its guide (└─ ├─ │, or ASCII). A process whose parent is not among those shown is a root.
/// </summary>
internal static class ProcessTree
{
    public static (ImmutableArray<ProcessSample> Rows, ImmutableArray<string> Guides) Order(List<ProcessSample> sorted, bool ascii)
    {
        var shown = new HashSet<int>(sorted.Count);
        foreach (var p in sorted)
        {
            shown.Add(p.Pid);
        }

        var children = new Dictionary<int, List<ProcessSample>>();
        var roots = new List<ProcessSample>();
        foreach (var p in sorted)
        {
            if (p.Ppid is { } parent && parent != p.Pid && shown.Contains(parent))
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(p);
            }
            else
            {
                roots.Add(p);
            }
        }

        var rows = ImmutableArray.CreateBuilder<ProcessSample>(sorted.Count);
        var guides = ImmutableArray.CreateBuilder<string>(sorted.Count);
        var placed = new HashSet<int>(sorted.Count);
        foreach (var root in roots)
        {
            Walk(root, "", "", children, placed, rows, guides, ascii);
        }

        // A parent loop (only a pid reused mid-read could make one) leaves its members unplaced: show them as roots.
        foreach (var p in sorted)
        {
            if (!placed.Contains(p.Pid))
            {
                Walk(p, "", "", children, placed, rows, guides, ascii);
            }
        }

        return (rows.MoveToImmutable(), guides.MoveToImmutable());
    }

    private static void Walk(
        ProcessSample process, string guide, string indent, Dictionary<int, List<ProcessSample>> children, HashSet<int> placed,
        ImmutableArray<ProcessSample>.Builder rows, ImmutableArray<string>.Builder guides, bool ascii)
    {
        if (!placed.Add(process.Pid))
        {
            return;
        }

        rows.Add(process);
        guides.Add(guide);
        if (!children.TryGetValue(process.Pid, out var list))
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var last = i == list.Count - 1;
            var branch = ascii ? (last ? "`- " : "|- ") : (last ? "└─ " : "├─ ");
            var through = last ? "   " : ascii ? "|  " : "│  ";
            Walk(list[i], indent + branch, indent + through, children, placed, rows, guides, ascii);
        }
    }
}
