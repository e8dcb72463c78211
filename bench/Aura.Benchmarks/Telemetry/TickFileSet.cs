namespace Aura.Benchmarks.Telemetry;

/// <summary>
/// The files one tick reads, read whole with no parsing: the kernel's own cost of producing them, which is the
/// floor a tick is compared with. Per-process files are listed afresh on each read, as the sampler must.
/// </summary>
internal sealed class TickFileSet
{
    private static readonly string[] FixedFiles =
    [
        "proc/stat", "proc/meminfo", "proc/loadavg", "proc/uptime", "proc/sys/kernel/hostname",
        "proc/self/mounts", "proc/diskstats", "proc/net/dev",
    ];

    private readonly string _root;
    private readonly string[] _fixed;
    private readonly int _topProcesses;
    private readonly byte[] _buffer = new byte[256 * 1024];

    private TickFileSet(string root, string[] fixedPaths, int topProcesses)
    {
        _root = root;
        _fixed = fixedPaths;
        _topProcesses = topProcesses;
    }

    public static TickFileSet Discover(string root, int topProcesses)
    {
        var paths = new List<string>();
        foreach (var file in FixedFiles)
        {
            paths.Add(Path.Combine(root, file));
        }

        AddIfExists(paths, Path.Combine(root, "sys/devices/system/cpu"), "cpu*/cpufreq/scaling_cur_freq");
        AddIfExists(paths, Path.Combine(root, "sys/class/thermal"), "thermal_zone*/temp");
        AddIfExists(paths, Path.Combine(root, "sys/class/hwmon"), "hwmon*/temp*_input");
        return new TickFileSet(root, [.. paths], topProcesses);
    }

    public long ReadAll()
    {
        long bytes = 0;
        foreach (var path in _fixed)
        {
            bytes += Read(path);
        }

        var detailed = 0;
        foreach (var pid in Directory.EnumerateDirectories(Path.Combine(_root, "proc")))
        {
            var name = Path.GetFileName(pid.AsSpan());
            if (name.IsEmpty || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            bytes += Read(Path.Combine(pid, "stat"));
            if (detailed++ < _topProcesses)
            {
                bytes += Read(Path.Combine(pid, "status")) + Read(Path.Combine(pid, "cmdline"));
            }
        }

        return bytes;
    }

    private static void AddIfExists(List<string> paths, string directory, string pattern)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var parts = pattern.Split('/');
        IEnumerable<string> found = [directory];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            found = i == parts.Length - 1
                ? found.SelectMany(d => Directory.Exists(d) ? Directory.EnumerateFiles(d, part) : [])
                : found.SelectMany(d => Directory.Exists(d) ? Directory.EnumerateDirectories(d, part) : []);
        }

        paths.AddRange(found);
    }

    private int Read(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var total = 0;
            int read;
            while ((read = RandomAccess.Read(handle, _buffer.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
