using System.Text;

namespace Aura.Cli;

/// <summary>
/// The name `aura` was started under (argv[0]), so the links the packages ship keep their old meaning:
/// <c>jscope</c> is `aura top`. Read from /proc/self/cmdline on Linux, where the app host has already resolved its own
/// path and a symlink's name survives only there.
/// </summary>
internal static class InvokedName
{
    public static string[] Rewrite(string[] args) => Name() switch
    {
        "jscope" => ["top", .. args],
        _ => args,
    };

    private static string Name()
    {
        var first = Environment.GetCommandLineArgs() is [var zero, ..] ? zero : "";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var cmdline = File.ReadAllBytes("/proc/self/cmdline");
                var end = Array.IndexOf(cmdline, (byte)0);
                first = Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
            }
            catch (IOException)
            {
                // Keep what .NET reported.
            }
        }

        return Path.GetFileNameWithoutExtension(first);
    }
}
