using System.Runtime.InteropServices;
using System.Text;

namespace Aura.Telemetry.Procfs;

/// <summary>
/// The one way Aura reads a kernel file: open(2) on a NUL-terminated path, pread(2) from offset 0 until a read
/// returns nothing, close(2). procfs and sysfs report a size of 0 and regenerate the text on a read at offset 0, so
/// the buffer grows until the whole file fits and a kept descriptor can be read again. No path string, no handle
/// object and no exception per read: a file that is missing or a process that exited is the common case, not an
/// exceptional one.
/// </summary>
internal sealed partial class KernelFile
{
    private const int StackPathBytes = 512;

    /// <summary>Opens a NUL-terminated path read-only; -1 when it is missing or may not be opened.</summary>
    public static int OpenDescriptor(ReadOnlySpan<byte> nulTerminatedPath)
    {
        // The flags and the libc calls are Linux's; elsewhere there are no kernel files to read.
        if (!OperatingSystem.IsLinux() || nulTerminatedPath.IsEmpty || nulTerminatedPath[^1] != 0)
        {
            return -1;
        }

        return Open(ref MemoryMarshal.GetReference(nulTerminatedPath), ReadOnlyCloseOnExec);
    }

    /// <summary>Closes a descriptor from <see cref="OpenDescriptor"/>.</summary>
    public static void CloseDescriptor(int fd) => _ = Close(fd);

    /// <summary>
    /// Reads the whole file behind <paramref name="fd"/> from offset 0 into <paramref name="buffer"/>, growing it if
    /// needed; false when a read fails (ESRCH from a process that exited, EISDIR, a device that went away).
    /// </summary>
    public static bool TryReadAll(int fd, ref byte[] buffer, out int length)
    {
        length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = ReadAt(fd, ref buffer[length], (nuint)(buffer.Length - length), length);
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

                return false;
            }

            length += (int)read;
        }
    }

    /// <summary>Reads a file once (open, read, close) into <paramref name="buffer"/>; false when unavailable.</summary>
    public static bool TryRead(string path, ref byte[] buffer, out ReadOnlySpan<byte> content)
    {
        var bytes = Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        Span<byte> native = bytes <= StackPathBytes ? stackalloc byte[StackPathBytes] : new byte[bytes];
        if (!TryEncodePath(path, native, out var length))
        {
            content = default;
            return false;
        }

        return TryRead(native[..length], ref buffer, out content);
    }

    /// <summary>Reads the file at a NUL-terminated path once (open, read, close); false when unavailable.</summary>
    public static bool TryRead(scoped ReadOnlySpan<byte> nulTerminatedPath, ref byte[] buffer, out ReadOnlySpan<byte> content)
    {
        content = default;
        var fd = OpenDescriptor(nulTerminatedPath);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            if (!TryReadAll(fd, ref buffer, out var read))
            {
                return false;
            }

            content = buffer.AsSpan(0, read);
            return true;
        }
        finally
        {
            CloseDescriptor(fd);
        }
    }

    /// <summary>The whole text of a file (UTF-8), or null when it is missing or unreadable. Allocates; not for a tick.</summary>
    public static string? ReadText(string path)
    {
        var buffer = new byte[4096];
        return TryRead(path, ref buffer, out var content) ? Encoding.UTF8.GetString(content) : null;
    }

    /// <summary>Writes <paramref name="path"/> as UTF-8 with a terminating NUL; false for a path with a NUL in it.</summary>
    private static bool TryEncodePath(string path, Span<byte> native, out int length)
    {
        length = 0;
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        length = Encoding.UTF8.GetBytes(path, native);
        native[length++] = 0;
        return true;
    }
}
