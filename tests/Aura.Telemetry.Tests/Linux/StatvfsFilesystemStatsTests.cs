using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>The real statvfs call on this machine. Other processes write to the disk meanwhile, so free space is compared loosely.</summary>
public sealed class StatvfsFilesystemStatsTests
{
    private const long Slack = 512L * 1024 * 1024;

    [Fact]
    public void StatvfsBuffer_Layout_MatchesGlibcOn64BitLinux()
    {
        // sizeof and offsetof from a C program compiled against glibc 2.36 on x86_64; aarch64 uses the same generic header.
        Unsafe.SizeOf<StatvfsBuffer>().ShouldBe(112);
        Marshal.OffsetOf<StatvfsBuffer>(nameof(StatvfsBuffer.FragmentSize)).ShouldBe(8);
        Marshal.OffsetOf<StatvfsBuffer>(nameof(StatvfsBuffer.Blocks)).ShouldBe(16);
        Marshal.OffsetOf<StatvfsBuffer>(nameof(StatvfsBuffer.FreeBlocks)).ShouldBe(24);
        Marshal.OffsetOf<StatvfsBuffer>(nameof(StatvfsBuffer.AvailableBlocks)).ShouldBe(32);
        Marshal.OffsetOf<StatvfsBuffer>(nameof(StatvfsBuffer.Flags)).ShouldBe(72);
    }

    [Fact]
    public void TryGet_Root_MatchesDriveInfo()
    {
        OperatingSystem.IsLinux().ShouldBeTrue("statvfs is read on Linux only");
        var drive = new DriveInfo("/");

        new StatvfsFilesystemStats().TryGet("/", out var stats).ShouldBeTrue();

        stats.TotalBytes.ShouldBe(drive.TotalSize);
        stats.FreeBytes.ShouldBeInRange(drive.TotalFreeSpace - Slack, drive.TotalFreeSpace + Slack);
        stats.AvailableBytes.ShouldBeInRange(drive.AvailableFreeSpace - Slack, drive.AvailableFreeSpace + Slack);
    }

    [Fact]
    public void TryGet_Root_UsedMatchesDf()
    {
        OperatingSystem.IsLinux().ShouldBeTrue("statvfs is read on Linux only");
        var (size, used, available) = Df("/");

        new StatvfsFilesystemStats().TryGet("/", out var stats).ShouldBeTrue();

        stats.TotalBytes.ShouldBe(size);
        (stats.TotalBytes - stats.FreeBytes).ShouldBeInRange(used - Slack, used + Slack);
        stats.AvailableBytes.ShouldBeInRange(available - Slack, available + Slack);
    }

    [Fact]
    public void TryGet_MissingPath_False()
    {
        new StatvfsFilesystemStats().TryGet("/nonexistent/aura/" + Guid.NewGuid().ToString("N"), out _).ShouldBeFalse();
    }

    private static (long Size, long Used, long Available) Df(string path)
    {
        var start = new ProcessStartInfo("df") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-B1", "--output=size,used,avail", path])
        {
            start.ArgumentList.Add(argument);
        }

        using var df = Process.Start(start)!;
        var output = df.StandardOutput.ReadToEnd();
        df.WaitForExit();
        df.ExitCode.ShouldBe(0);
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture))
            .ToArray();
        return (values[0], values[1], values[2]);
    }
}
