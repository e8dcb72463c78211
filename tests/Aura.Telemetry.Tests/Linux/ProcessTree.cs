using System.Globalization;
using System.Text;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>
/// A writable copy of a fixture tree in a temp folder, so a test can change processes between two reads:
/// rewrite a stat with new counters, start a process, or make one vanish.
/// </summary>
internal sealed class ProcessTree : IDisposable
{
    private ProcessTree(string root) => Root = root;

    public string Root { get; }

    public static ProcessTree Copy(string fixture)
    {
        var root = Path.Combine(Path.GetTempPath(), "aura-proc-" + Guid.NewGuid().ToString("N"));
        var source = Fixtures.Root(fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new ProcessTree(root);
    }

    /// <summary>Writes a complete stat line; fields the reader does not use hold plausible constants.</summary>
    public void WriteStat(
        int pid, string comm, long utime, long stime, long startTime, long rssPages, int threads = 1, char state = 'S')
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{pid} ({comm}) {state} 1 {pid} {pid} 0 -1 4194304 1200 0 3 0 {utime} {stime} 0 0 20 0 {threads} 0 {startTime} 123456789 {rssPages} 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n");
        File.WriteAllText(Path.Combine(ProcDirectory(pid), "stat"), line);
    }

    /// <summary>Starts a process: stat, status (with the real uid) and cmdline (arguments NUL-terminated).</summary>
    public void AddProcess(
        int pid, string comm, long utime, long stime, long startTime, long rssPages, uint uid, params string[] arguments)
    {
        Directory.CreateDirectory(ProcDirectory(pid));
        WriteStat(pid, comm, utime, stime, startTime, rssPages);
        File.WriteAllText(
            Path.Combine(ProcDirectory(pid), "status"),
            string.Create(CultureInfo.InvariantCulture, $"Name:\t{comm}\nState:\tS (sleeping)\nPid:\t{pid}\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\nThreads:\t1\n"));
        var cmdline = new StringBuilder();
        foreach (var argument in arguments)
        {
            cmdline.Append(argument).Append('\0');
        }

        File.WriteAllText(Path.Combine(ProcDirectory(pid), "cmdline"), cmdline.ToString());
    }

    public void Remove(int pid) => Directory.Delete(ProcDirectory(pid), recursive: true);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string ProcDirectory(int pid) => Path.Combine(Root, "proc", pid.ToString(CultureInfo.InvariantCulture));
}
