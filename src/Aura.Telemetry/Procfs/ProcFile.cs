using Microsoft.Win32.SafeHandles;

namespace Aura.Telemetry.Procfs;

/// <summary>
/// Reads small kernel files (procfs, sysfs) whole into a reusable buffer. Not thread-safe: one per reader.
/// Kernel files report size 0, so the buffer grows until a read comes back short.
/// </summary>
internal sealed class ProcFile
{
    private byte[] _buffer;

    public ProcFile(int initialSize = 4096) => _buffer = new byte[initialSize];

    /// <summary>Reads the file; false when it is missing, unreadable or vanished mid-read (a process exiting).</summary>
    public bool TryRead(string path, out ReadOnlySpan<byte> content)
    {
        content = default;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var total = 0;
            while (true)
            {
                if (total == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var read = RandomAccess.Read(handle, _buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            content = _buffer.AsSpan(0, total);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // FileNotFound and DirectoryNotFound are IOExceptions; ESRCH from a vanished /proc/<pid> surfaces as IOException too.
            return false;
        }
    }
}
