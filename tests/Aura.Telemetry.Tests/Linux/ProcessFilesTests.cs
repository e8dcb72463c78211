using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class ProcessFilesTests
{
    [Fact]
    public void TryRead_CapturedStat_ReturnsTheFileBytes()
    {
        var root = Fixtures.Root("dev-vm");
        var files = new ProcessFiles(Path.Join(root, "proc"));

        files.TryRead(1, "stat"u8, out var content).ShouldBeTrue();

        content.ToArray().ShouldBe(File.ReadAllBytes(Path.Combine(root, "proc", "1", "stat")));
    }

    [Fact]
    public void TryRead_FileLargerThanTheBuffer_ReadsItWhole()
    {
        using var tree = ProcessTree.Copy("dev-vm");
        var arguments = Enumerable.Range(0, 20_000).Select(i => "--classpath-entry-" + i).ToArray();
        tree.AddProcess(9000, "java", utime: 0, stime: 0, startTime: 1, rssPages: 1, uid: 0, arguments);
        var expected = File.ReadAllBytes(Path.Combine(tree.Root, "proc", "9000", "cmdline"));
        var files = new ProcessFiles(Path.Join(tree.Root, "proc"));

        files.TryRead(9000, "cmdline"u8, out var content).ShouldBeTrue();

        expected.Length.ShouldBeGreaterThan(100_000);
        content.ToArray().ShouldBe(expected);
    }

    [Fact]
    public void TryRead_ProcessGone_ReturnsFalse()
    {
        var files = new ProcessFiles(Path.Join(Fixtures.Root("dev-vm"), "proc"));

        files.TryRead(424242, "stat"u8, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_PathIsADirectory_ReturnsFalse()
    {
        var files = new ProcessFiles(Path.Join(Fixtures.Root("dev-vm"), "proc"));

        // proc/1/ opens (a directory can be opened read-only) but reading it fails with EISDIR.
        files.TryRead(1, ""u8, out _).ShouldBeFalse();
    }
}
