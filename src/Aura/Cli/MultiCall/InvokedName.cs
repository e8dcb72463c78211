using System.Text;

namespace Aura.Cli.MultiCall;

/// <summary>
/// The name `aura` was started under, as busybox reads it: argv[0]'s file name. A link named <c>jscoped</c> runs the same
/// binary, so only argv[0] tells them apart. .NET's own argument list starts after the program, so on Linux the name
/// comes from <c>/proc/self/cmdline</c>, which holds argv exactly as the caller passed it.
/// </summary>
internal static class InvokedName
{
    public static string Current()
    {
        var argv0 = OperatingSystem.IsLinux() ? FromProcCmdline() : null;
        argv0 ??= Environment.GetCommandLineArgs() is [var first, ..] ? first : "aura";
        return Normalize(argv0);
    }

    /// <summary>The file name without directory or a Windows <c>.exe</c>: <c>/usr/bin/argus</c> and <c>argus.exe</c> are both <c>argus</c>.</summary>
    public static string Normalize(string argv0)
    {
        var name = Path.GetFileName(argv0.TrimEnd('/'));
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }

    private static string? FromProcCmdline()
    {
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(bytes, (byte)0);
            return end > 0 ? Encoding.UTF8.GetString(bytes, 0, end) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
