using System.Diagnostics;

namespace Aura.Testing;

/// <summary>
/// A real read-only file system: an empty tmpfs mounted <c>ro</c> on a temp directory, unmounted and removed on dispose.
/// Mounting needs root with CAP_SYS_ADMIN; <see cref="Unavailable"/> says why it cannot be done where it cannot.
/// </summary>
public sealed class ReadOnlyMount : IDisposable
{
    private static readonly Lazy<string?> Probe = new(ProbeOnce);

    private ReadOnlyMount(string path) => Path = path;

    /// <summary>Why no read-only mount can be made here, or null when one can.</summary>
    public static string? Unavailable => Probe.Value;

    public string Path { get; }

    public static ReadOnlyMount Create()
    {
        var directory = Directory.CreateTempSubdirectory("aura-ro-");
        var (exitCode, stderr) = Run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", directory.FullName);
        if (exitCode != 0)
        {
            directory.Delete();
            throw new ShouldAssertException($"mount failed: {stderr}");
        }

        return new ReadOnlyMount(directory.FullName);
    }

    public void Dispose()
    {
        var (exitCode, stderr) = Run("umount", Path);
        exitCode.ShouldBe(0, $"umount {Path}: {stderr}");
        Directory.Delete(Path);
    }

    private static string? ProbeOnce()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "mounting a read-only tmpfs needs root on Linux";
        }

        try
        {
            using var mount = Create();
        }
        catch (Exception e) when (e is ShouldAssertException or System.ComponentModel.Win32Exception)
        {
            return $"mounting a read-only tmpfs is not permitted here ({e.Message.Trim()})";
        }

        return null;
    }

    private static (int ExitCode, string Stderr) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            return (-1, $"{program} did not finish in time");
        }

        return (process.ExitCode, stderr);
    }
}
