namespace Aura.Cockpit.Tests.Support;

/// <summary>The system Chromium the cockpit tests drive (Debian's package; scripts/test-deps.sh installs it).</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Present => File.Exists(Path);
}
