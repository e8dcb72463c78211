using System.Runtime.InteropServices;

namespace Aura.Telemetry.Linux;

/// <summary>
/// USER_HZ, the unit of the CPU times in /proc/[pid]/stat. It is 100 on almost every Linux, but only sysconf knows.
/// </summary>
internal static partial class ClockTicks
{
    // _SC_CLK_TCK is 2 in both glibc's and musl's <unistd.h>.
    private const int ScClkTck = 2;
    private const long Fallback = 100;

    public static long PerSecond { get; } = Query();

    private static long Query()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Fallback;
        }

        try
        {
            var value = SysConf(ScClkTck);
            return value > 0 ? value : Fallback;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Fallback;
        }
    }

    // "libc" is mapped to the real libc soname (libc.so.6, musl's) by the runtime's own loader, JIT and AOT alike.
    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial nint SysConf(int name);
}
