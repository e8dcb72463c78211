using Microsoft.Win32.SafeHandles;

namespace Aura.Telemetry.Procfs;

/// <summary>
/// A procfs or sysfs file kept open and re-read from offset 0 on every tick: the kernel regenerates the content on
/// each read at offset 0, and keeping the descriptor saves the open and close a one-off read
/// (<see cref="TryRead(string, ref byte[], out ReadOnlySpan{byte})"/>) pays. Not thread-safe: one per reader.
/// </summary>
/// <remarks>
/// A file that does not exist (or may not be opened) is remembered as missing and not tried again until
/// <see cref="Reprobe"/>, so an absent optional file (cpufreq on a VM) costs nothing per tick.
/// A file replaced by a new one (a new inode) is not noticed; kernel files are rewritten in place.
/// </remarks>
internal sealed partial class KernelFile : IDisposable
{
    private readonly byte[]? _nativePath;

    // The descriptor is owned by a SafeFileHandle so that a reader nobody disposes still closes it when collected.
    private SafeFileHandle? _handle;
    private bool _missing;

    public KernelFile(string path)
    {
        var native = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        _nativePath = TryEncodePath(path, native, out var length) ? native[..length] : null;
    }

    /// <summary>Forgets that the file was missing, so the next read tries to open it again.</summary>
    public void Reprobe() => _missing = false;

    /// <summary>Reads the whole file into <paramref name="buffer"/>, growing it if needed; false when unavailable.</summary>
    public bool TryRead(ref byte[] buffer, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (_missing || _nativePath is null)
        {
            return false;
        }

        if (_handle is null)
        {
            var fd = OpenDescriptor(_nativePath);
            if (fd < 0)
            {
                _missing = true;
                return false;
            }

            _handle = new SafeFileHandle(fd, ownsHandle: true);
        }

        if (!TryReadAll((int)_handle.DangerousGetHandle(), ref buffer, out var length))
        {
            // A sysfs attribute whose device went away (a CPU unplugged) fails on read; reopen next time.
            _handle.Dispose();
            _handle = null;
            return false;
        }

        content = buffer.AsSpan(0, length);
        return true;
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }
}
