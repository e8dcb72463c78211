using Microsoft.Win32.SafeHandles;

namespace Aura.Telemetry.Procfs;

/// <summary>
/// A procfs or sysfs file kept open and re-read from offset 0 on every tick: the kernel regenerates the content on
/// each read at offset 0, and keeping the handle saves the open/fstat/close and the handle object that
/// <see cref="ProcFile"/> pays per read. Not thread-safe: one per reader.
/// </summary>
/// <remarks>
/// A file that does not exist (or may not be opened) is remembered as missing and not tried again until
/// <see cref="Reprobe"/>, so an absent optional file (cpufreq on a VM) costs no exception per tick.
/// A file replaced by a new one (a new inode) is not noticed; kernel files are rewritten in place.
/// </remarks>
internal sealed class KernelFile : IDisposable
{
    private readonly string _path;
    private SafeFileHandle? _handle;
    private bool _missing;

    public KernelFile(string path) => _path = path;

    /// <summary>Forgets that the file was missing, so the next read tries to open it again.</summary>
    public void Reprobe() => _missing = false;

    /// <summary>Reads the whole file into <paramref name="buffer"/>, growing it if needed; false when unavailable.</summary>
    public bool TryRead(ref byte[] buffer, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (_missing)
        {
            return false;
        }

        try
        {
            _handle ??= File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _missing = true;
            return false;
        }

        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = RandomAccess.Read(_handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            content = buffer.AsSpan(0, total);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A sysfs attribute whose device went away (a CPU unplugged) fails on read; reopen next time.
            _handle.Dispose();
            _handle = null;
            return false;
        }
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }
}
