using System.Runtime.InteropServices;

namespace Aura.Telemetry.Procfs;

/// <summary>The libc calls every kernel file is read with.</summary>
internal sealed partial class KernelFile
{
    // O_RDONLY | O_CLOEXEC (02000000 on every architecture .NET runs Linux on).
    private const int ReadOnlyCloseOnExec = 0x80000;
    private const int Eintr = 4;

    private static bool LastErrorWasInterrupt() => Marshal.GetLastPInvokeError() == Eintr;

    // open is variadic, but the mode argument is only read with O_CREAT or O_TMPFILE, which are never passed here.
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open(ref byte path, int flags);

    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    private static partial nint ReadAt(int fd, ref byte buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
