namespace Aura.Agent.Actions;

/// <summary>
/// Where screenshots go: a directory only the daemon's user can enter (0700), files 0600, the newest
/// <see cref="Keep"/> kept. AuraOS wrote world-readable files to /tmp.
/// </summary>
public sealed class ScreenshotStore(string directory, TimeProvider clock)
{
    public const int Keep = 50;
    private int _sequence;

    public string Directory { get; } = directory;

    /// <summary><c>$XDG_RUNTIME_DIR/aura/screenshots</c>, else a per-user directory under the temp directory.</summary>
    /// <param name="runtime">The executable's <c>XDG_RUNTIME_DIR</c>; null or empty when unset.</param>
    public static string DefaultDirectory(string? runtime)
    {
        return !string.IsNullOrEmpty(runtime)
            ? Path.Combine(runtime, "aura", "screenshots")
            : Path.Combine(Path.GetTempPath(), $"aura-{Environment.UserName}", "screenshots");
    }

    public string Save(byte[] png)
    {
        PrivateFiles.CreateDirectory(Directory);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss.fff", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(Directory, $"screenshot-{stamp}-{Environment.ProcessId}-{Interlocked.Increment(ref _sequence)}.png");
        using (var file = PrivateFiles.Create(path))
        {
            file.Write(png);
        }

        Prune();
        return path;
    }

    private void Prune()
    {
        var files = new DirectoryInfo(Directory).GetFiles("screenshot-*.png");
        if (files.Length <= Keep)
        {
            return;
        }

        Array.Sort(files, (a, b) => a.LastWriteTimeUtc.CompareTo(b.LastWriteTimeUtc));
        for (var i = 0; i < files.Length - Keep; i++)
        {
            try
            {
                files[i].Delete();
            }
            catch (IOException)
            {
                // Another process pruned it first.
            }
        }
    }
}
