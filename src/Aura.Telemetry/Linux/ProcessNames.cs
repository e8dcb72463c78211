namespace Aura.Telemetry.Linux;

/// <summary>
/// The kernel cuts a command name to 15 bytes (TASK_COMM_LEN - 1). When comm is exactly that long, the untruncated
/// name is the basename of the first argument in /proc/[pid]/cmdline, if it starts with comm; otherwise comm stands
/// (kernel threads and zombies have an empty cmdline, and some programs rename themselves).
/// </summary>
internal static class ProcessNames
{
    public const int TruncatedLength = 15;

    public static bool MayBeTruncated(ReadOnlySpan<byte> comm) => comm.Length == TruncatedLength;

    public static ReadOnlySpan<byte> Untruncate(ReadOnlySpan<byte> comm, ReadOnlySpan<byte> cmdline)
    {
        var end = cmdline.IndexOf((byte)0);
        var first = end < 0 ? cmdline : cmdline[..end];

        // setproctitle() rewrites argv into one space-separated string ("worker --flag"), as psutil notes;
        // the uncut argument is tried too, for a path that really has a space in it.
        var onlyArgument = end < 0 || cmdline[(end + 1)..].IndexOfAnyExcept((byte)0) < 0;
        var space = first.IndexOf((byte)' ');
        if (onlyArgument && space >= 0 && TryMatch(comm, first[..space], out var name))
        {
            return name;
        }

        return TryMatch(comm, first, out name) ? name : comm;
    }

    private static bool TryMatch(ReadOnlySpan<byte> comm, ReadOnlySpan<byte> argument, out ReadOnlySpan<byte> name)
    {
        name = argument[(argument.LastIndexOf((byte)'/') + 1)..];
        return name.StartsWith(comm);
    }
}
