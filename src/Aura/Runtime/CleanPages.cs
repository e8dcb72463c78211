using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aura.Runtime;

/// <summary>
/// Gives back resident pages of read-only file mappings (the executable's code and constants, the shared libraries')
/// that the process touched once and may not touch again. The Native AOT binary is about 20 MB of code and read-only
/// data: starting the web host faults in most of it, and each first of something (a request, a WebSocket client, a
/// DVR seal or upkeep) faults in more, while a tick touches a few MB. Dropping clean mappings
/// (<c>madvise(MADV_DONTNEED)</c>) loses nothing: a page used again is mapped back from the page cache on its next
/// touch (a minor fault). Only private mappings with no copy-on-write pages are dropped, so relocated data stays.
/// </summary>
internal static partial class CleanPages
{
    private const int MadviseDontNeed = 4;

    /// <summary>True for the Native AOT build on Linux, whose code is in its executable's file mappings.</summary>
    public static bool Applies => !RuntimeFeature.IsDynamicCodeSupported && OperatingSystem.IsLinux();

    /// <summary>Drops the pages (Native AOT build only); returns the bytes dropped.</summary>
    public static long ReleaseIfNative() => Applies ? Release(IsReadOnlyFile) : 0;

    /// <summary>A private, read-only mapping of a regular file: code and constants, never written by this process.</summary>
    public static bool IsReadOnlyFile(Mapping mapping) =>
        !mapping.Writable && mapping.Private && mapping.Path.StartsWith('/')
        && !mapping.Path.StartsWith("/dev/", StringComparison.Ordinal) && !mapping.Path.EndsWith(" (deleted)", StringComparison.Ordinal);

    /// <summary>Drops the resident pages of the chosen mappings that hold no copy-on-write pages; returns the bytes dropped.</summary>
    public static long Release(Func<Mapping, bool> chosen)
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
            if (Mapping.Parse(lines[i]) is not { } mapping || !chosen(mapping))
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
