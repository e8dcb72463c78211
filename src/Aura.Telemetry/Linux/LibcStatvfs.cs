using System.Runtime.InteropServices;

namespace Aura.Telemetry.Linux;

internal static partial class LibcStatvfs
{
    /// <summary>
    /// "libc" is mapped by the runtime (CoreCLR and Native AOT) to the C library's real soname, so this needs no
    /// development package. The path is marshalled on the stack when short.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Statvfs(string path, out StatvfsBuffer buffer);
}
