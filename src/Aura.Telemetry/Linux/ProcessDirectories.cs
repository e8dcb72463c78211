using System.Globalization;
using System.IO.Enumeration;

namespace Aura.Telemetry.Linux;

/// <summary>
/// The pids under {root}/proc, parsed straight from each directory entry's name span, so no string is made per entry.
/// </summary>
internal static class ProcessDirectories
{
    public const int NotAPid = -1;

    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
    };

    /// <summary>
    /// Enumerating it again starts a new directory read; entries that are not pid directories come out as
    /// <see cref="NotAPid"/> (a transform is cheaper here than a second delegate call per entry).
    /// </summary>
    public static FileSystemEnumerable<int> Create(string procPath) =>
        new(procPath, static (ref FileSystemEntry entry) => ToPid(ref entry), Options);

    private static int ToPid(ref FileSystemEntry entry) =>
        entry.IsDirectory && int.TryParse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : NotAPid;
}
