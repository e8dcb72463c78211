using Aura.Core.Model;
using Aura.Tui.Views;

namespace Aura.EndToEnd.Tests.Tui;

public sealed class ProcessTreeTests
{
    [Fact]
    public void Order_ChildrenUnderParents_KeepsTheSortAmongSiblingsAndDrawsGuides()
    {
        // Given processes in CPU order: two children of 10 (one with a child of its own), and 20 whose parent is not shown.
        List<ProcessSample> sorted = [P(11, 10), P(20, 1), P(12, 10), P(10, 1), P(13, 11)];

        var (rows, guides) = ProcessTree.Order(sorted, ascii: false);

        // Then the roots keep their order (20 before 10), each parent's children follow it, still in CPU order.
        rows.Select(p => p.Pid).ShouldBe([20, 10, 11, 13, 12]);
        guides.ShouldBe(["", "", "├─ ", "│  └─ ", "└─ "]);
    }

    [Fact]
    public void Order_RootsFirstThenTheirDescendants_WithUnicodeAndAsciiGuides()
    {
        List<ProcessSample> sorted = [P(10, 1), P(11, 10), P(12, 10), P(13, 11), P(20, 1)];

        var (rows, guides) = ProcessTree.Order(sorted, ascii: false);
        var (_, ascii) = ProcessTree.Order(sorted, ascii: true);

        rows.Select(p => p.Pid).ShouldBe([10, 11, 13, 12, 20]);
        guides.ShouldBe(["", "├─ ", "│  └─ ", "└─ ", ""]);
        ascii.ShouldBe(["", "|- ", "|  `- ", "`- ", ""]);
    }

    [Fact]
    public void Order_ParentLoopOrUnknownParent_ShowsEveryProcessOnce()
    {
        List<ProcessSample> sorted = [P(5, 6), P(6, 5), P(7, null), P(8, 8)];

        var (rows, _) = ProcessTree.Order(sorted, ascii: false);

        rows.Select(p => p.Pid).Order().ShouldBe([5, 6, 7, 8]);
    }

    private static ProcessSample P(int pid, int? parent) => new(pid, pid, "p" + pid, "u", 'S', 0, 0, 0, 1) { Ppid = parent };
}
