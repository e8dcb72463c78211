using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aura.Runtime;

/// <summary>
/// Gives back the executable's read-only pages that start-up touched and steady state never reads again. The Native
/// AOT binary is about 20 MB of code and read-only data; starting the web host faults in most of it, so a daemon
/// that then touches a few hundred KB per tick would otherwise keep ~14 MB of it resident. Dropping the clean
/// read-only mappings (<c>madvise(MADV_DONTNEED)</c>) costs nothing: a page used again is mapped back from the page
/// cache on its next touch. Only mappings with no private (copy-on-write) pages are dropped, so nothing is lost.
/// </summary>
internal static partial class StartupPages
{
    private const int MadviseDontNeed = 4;

    /// <summary>Drops the start-up pages when this is the Native AOT build (the JIT build's code is not in its executable).</summary>
    public static long ReleaseIfNative() =>
        !RuntimeFeature.IsDynamicCodeSupported && OperatingSystem.IsLinux() && Environment.ProcessPath is { } path ? Release(path) : 0;

    /// <summary>Drops the resident pages of <paramref name="executable"/>'s clean read-only mappings; returns the bytes dropped.</summary>
    public static long Release(string executable)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/smaps");
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }

        long released = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Mapping.Parse(lines[i]) is not { } mapping || mapping.Path != executable || mapping.Writable)
            {
                continue;
            }

            var (resident, privatePages) = Sizes(lines, i + 1);
            if (resident > 0 && privatePages == 0 && Madvise((nint)mapping.Start, (nuint)(mapping.End - mapping.Start), MadviseDontNeed) == 0)
            {
                released += resident;
            }
        }

        return released;
    }

    /// <summary>Rss and Anonymous (copy-on-write) kB of the mapping whose fields start at <paramref name="from"/>, in bytes.</summary>
    private static (long Resident, long Private) Sizes(string[] lines, int from)
    {
        long resident = 0;
        long anonymous = -1;
        for (var i = from; i < lines.Length && Mapping.Parse(lines[i]) is null; i++)
        {
            if (lines[i].StartsWith("Rss:", StringComparison.Ordinal))
            {
                resident = Kilobytes(lines[i]) * 1024;
            }
            else if (lines[i].StartsWith("Anonymous:", StringComparison.Ordinal))
            {
                anonymous = Kilobytes(lines[i]) * 1024;
            }
        }

        // A mapping whose private pages cannot be counted is left alone.
        return (resident, anonymous < 0 ? 1 : anonymous);
    }

    private static long Kilobytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
