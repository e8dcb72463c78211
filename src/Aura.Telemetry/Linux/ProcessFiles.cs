using System.Buffers.Text;
using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Reads /proc/[pid]/{stat,status,cmdline} whole into one reused buffer through <see cref="KernelFile"/>'s
/// descriptors, on a path formatted into a reused byte buffer, so a scan builds no path string per process.
/// Not thread-safe; one per reader.
/// </summary>
internal sealed partial class ProcessFiles
{
    private const int MaxPidDigits = 10;
    private const int MaxFileNameLength = 16;
    private readonly byte[] _path;
    private readonly int _prefixLength;
    private byte[] _buffer = new byte[4096];
    private int _formattedLength;

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

        return KernelFile.TryRead(FormattedPath, ref _buffer, out content);
    }

    /// <summary>The path <see cref="TryFormatPath"/> wrote last, with its terminating NUL.</summary>
    private ReadOnlySpan<byte> FormattedPath => _path.AsSpan(0, _formattedLength);

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
        _formattedLength = _prefixLength + digits + 1 + fileName.Length + 1;
        return true;
    }
}
