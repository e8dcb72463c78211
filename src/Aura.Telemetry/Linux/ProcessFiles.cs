using System.Buffers.Text;
using System.Text;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Reads /proc/[pid]/{stat,status,cmdline} whole into one reused buffer, with open/read/close on a path formatted
/// into a reused byte buffer. <see cref="File.OpenHandle"/> would need a path string and allocates a SafeFileHandle
/// per open, and it throws when a process has just exited, which is the common case here, not an exceptional one.
/// Not thread-safe; one per reader. Linux only (libc).
/// </summary>
internal sealed partial class ProcessFiles
{
    private const int MaxPidDigits = 10;
    private const int MaxFileNameLength = 16;
    private readonly byte[] _path;
    private readonly int _prefixLength;
    private byte[] _buffer = new byte[4096];

    public ProcessFiles(string procPath)
    {
        var prefix = Encoding.UTF8.GetBytes(procPath + "/");
        _prefixLength = prefix.Length;
        _path = new byte[_prefixLength + MaxPidDigits + 1 + MaxFileNameLength + 1];
        prefix.CopyTo(_path, 0);
        _keepStatOpen = IsKernelProcfs(procPath);
    }

    /// <summary>False when the file is missing or unreadable, which is how a process that exited looks.</summary>
    public bool TryRead(int pid, ReadOnlySpan<byte> fileName, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (fileName.Length > MaxFileNameLength || !TryFormatPath(pid, fileName))
        {
            return false;
        }

        var fd = Open(ref _path[0], ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            if (!TryReadAllFrom(fd, reread: false, out var length))
            {
                return false;
            }

            content = _buffer.AsSpan(0, length);
            return true;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private bool TryFormatPath(int pid, ReadOnlySpan<byte> fileName)
    {
        var rest = _path.AsSpan(_prefixLength);
        if (!Utf8Formatter.TryFormat(pid, rest, out var digits))
        {
            return false;
        }

        rest[digits] = (byte)'/';
        fileName.CopyTo(rest[(digits + 1)..]);
        rest[digits + 1 + fileName.Length] = 0;
        return true;
    }

    // procfs reports size 0, so read until a read returns nothing, growing the buffer when it fills. A re-read of a
    // kept descriptor reads at explicit offsets from 0 (pread), which makes procfs generate the text anew.
    private bool TryReadAllFrom(int fd, bool reread, out int length)
    {
        length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = reread
                ? ReadAt(fd, ref _buffer[length], (nuint)(_buffer.Length - length), length)
                : Read(fd, ref _buffer[length], (nuint)(_buffer.Length - length));
            if (read == 0)
            {
                return true;
            }

            if (read < 0)
            {
                if (LastErrorWasInterrupt())
                {
                    continue;
                }

                return false; // ESRCH: the process exited between open and read
            }

            length += (int)read;
        }
    }
}
