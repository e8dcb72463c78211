using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// /proc/[pid]/stat is read every tick for every process, so on the real procfs its descriptor is kept open across
/// scans and re-read from offset 0, which regenerates the text: that saves an open and a close per process per tick,
/// the larger part of the kernel's cost of a scan. A kept descriptor belongs to one process, not to a pid: once the
/// process exits, reading it fails (ESRCH) and the pid, if reused, is opened afresh.
/// </summary>
internal sealed partial class ProcessFiles
{
    /// <summary>Descriptors kept open at most; processes beyond this are read with open/read/close.</summary>
    internal const int MaxKeptOpen = 4096;

    private readonly bool _keepStatOpen;
    private int _keptOpen;

    /// <summary>Stat descriptors held open now.</summary>
    public int KeptOpen => _keptOpen;

    public bool TryReadStat(int pid, ProcessEntry entry, out ReadOnlySpan<byte> content)
    {
        if (entry.StatFd >= 0)
        {
            if (KernelFile.TryReadAll(entry.StatFd, ref _buffer, out var length))
            {
                content = _buffer.AsSpan(0, length);
                return true;
            }

            Release(entry);
        }

        if (!_keepStatOpen || _keptOpen >= MaxKeptOpen)
        {
            return TryRead(pid, "stat"u8, out content);
        }

        content = default;
        if (!TryFormatPath(pid, "stat"u8))
        {
            return false;
        }

        var fd = KernelFile.OpenDescriptor(FormattedPath);
        if (fd < 0)
        {
            return false;
        }

        entry.StatFd = fd;
        _keptOpen++;
        if (!KernelFile.TryReadAll(fd, ref _buffer, out var read))
        {
            Release(entry);
            return false;
        }

        content = _buffer.AsSpan(0, read);
        return true;
    }

    /// <summary>Closes the entry's kept descriptor, if it has one.</summary>
    public void Release(ProcessEntry entry)
    {
        if (entry.StatFd < 0)
        {
            return;
        }

        KernelFile.CloseDescriptor(entry.StatFd);
        entry.StatFd = -1;
        _keptOpen--;
    }

    // procfs reports a size of 0 for its files; a fixture tree's copies have their real size, and a kept descriptor
    // on a fixture file would go on reading a file a test has since replaced, so only the kernel's files are kept open.
    private static bool IsKernelProcfs(string procPath)
    {
        try
        {
            var self = new FileInfo(Path.Join(procPath, "self", "stat"));
            return self.Exists && self.Length == 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
