using System.Diagnostics;
using System.Globalization;

namespace Aura.EndToEnd.Tests.Tui;

/// <summary>The Processes view's tree toggle (`e`) on a parent shell and its child that the test starts.</summary>
public sealed class TopTreeTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-top-tree-");

    public void Dispose() => _home.Delete(recursive: true);

    [RequiresToolFact("tmux")]
    public async Task Top_TreeToggle_DrawsTheChildUnderItsParentWithGuides()
    {
        var parentPath = Path.Combine(_home.FullName, "auratreeparent");
        var childPath = Path.Combine(_home.FullName, "auratreechild");
        File.CreateSymbolicLink(parentPath, "/bin/sh");
        File.CreateSymbolicLink(childPath, "/bin/sh");
        // Both spin, so both rank in the top processes; the child is the parent shell's own.
        using var parent = Process.Start(new ProcessStartInfo(parentPath) { ArgumentList = { "-c", "\"$0\" -c 'while :; do :; done' & while :; do :; done", childPath } })!;
        try
        {
            foreach (var (graphs, guide) in new[] { ("braille", "└─ auratreechild"), ("ascii", "`- auratreechild") })
            {
                await using var top = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local", "--graphs", graphs]);
                await top.WaitForAsync("RAM ");
                await top.SendKeysAsync("2", "/");
                await top.SendLiteralAsync("auratree");
                await top.SendKeysAsync("Enter");
                var list = await top.WaitForAsync("2 of ");
                list.ShouldContain("auratreeparent");
                list.ShouldNotContain(guide);

                await top.SendKeysAsync("e");
                var tree = await top.WaitForAsync(guide);
                tree.ShouldContain("tree (e)");
                var lines = tree.Split('\n');
                var parentRow = Array.FindIndex(lines, l => l.Contains(parent.Id.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("auratreeparent", StringComparison.Ordinal));
                parentRow.ShouldBeGreaterThanOrEqualTo(0, tree);
                lines[parentRow + 1].ShouldContain(guide, customMessage: tree);

                await top.SendKeysAsync("e");
                await top.WaitForAsync("processes as a list");
                (await top.CaptureAsync()).ShouldNotContain(guide);
            }
        }
        finally
        {
            foreach (var pid in ChildPids(parent.Id))
            {
                using var child = Process.GetProcessById(pid);
                child.Kill();
            }

            parent.Kill();
        }
    }

    private static List<int> ChildPids(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && File.Exists(Path.Combine(dir, "stat")))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (fields[1] == parent.ToString(CultureInfo.InvariantCulture))
                    {
                        children.Add(pid);
                    }
                }
                catch (IOException)
                {
                    // It ended while we looked.
                }
            }
        }

        return children;
    }
}
