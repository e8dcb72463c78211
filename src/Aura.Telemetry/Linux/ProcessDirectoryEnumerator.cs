using System.Globalization;
using System.IO.Enumeration;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Lists the pids under {root}/proc, parsed straight from each entry's name span so no string is made per entry.
/// Entries that are not pid directories come out as <see cref="NotAPid"/>, which is cheaper than a separate filter.
/// </summary>
internal sealed class ProcessDirectoryEnumerator(string procPath) : FileSystemEnumerator<int>(procPath, Options)
{
    public const int NotAPid = -1;

    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
    };

    protected override int TransformEntry(ref FileSystemEntry entry) =>
        entry.IsDirectory && int.TryParse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : NotAPid;
}
