using Aura.Runtime;

namespace Aura.EndToEnd.Tests;

/// <summary>The page release, on this test process's own executable (clean read-only file mappings, as the AOT binary's are).</summary>
public sealed class CleanPagesTests
{
    [Fact]
    public void Release_OwnExecutable_DropsItsResidentReadOnlyPagesAndKeepsRunning()
    {
        var executable = Environment.ProcessPath!;
        var before = ResidentReadOnly(executable);
        before.ShouldBeGreaterThan(0, $"{executable} has no resident read-only pages to drop");

        var released = CleanPages.Release(m => CleanPages.IsReadOnlyFile(m) && m.Path == executable);

        released.ShouldBeGreaterThan(0);
        released.ShouldBeLessThanOrEqualTo(before);
        ResidentReadOnly(executable).ShouldBeLessThan(before);
        string.Join(",", Enumerable.Range(1, 3)).ShouldBe("1,2,3", "the process runs on after its pages were dropped");
    }

    [Theory]
    [InlineData("7f1c2a000000-7f1c2a9e8000 r-xp 0001e000 fd:01 1234 /usr/lib/aura/aura", 0x7f1c2a000000UL, 0x7f1c2a9e8000UL, false, true, "/usr/lib/aura/aura")]
    [InlineData("55d0c0000000-55d0c0021000 rw-p 00000000 00:00 0 ", 0x55d0c0000000UL, 0x55d0c0021000UL, true, true, "")]
    [InlineData("7f0000001000-7f0000009000 rw-s 00000000 fd:01 99 /var/lib/aura/telemetry.sqlite-shm", 0x7f0000001000UL, 0x7f0000009000UL, true, false, "/var/lib/aura/telemetry.sqlite-shm")]
    [InlineData("7ffd1000-7ffd2000 rw-p 00000000 00:00 0                          [stack]", 0x7ffd1000UL, 0x7ffd2000UL, true, true, "[stack]")]
    public void Parse_HeaderLine_ReadsRangePermissionsAndPath(string line, ulong start, ulong end, bool writable, bool isPrivate, string path) =>
        Mapping.Parse(line).ShouldBe(new Mapping(start, end, writable, isPrivate, path));

    [Theory]
    [InlineData("Rss:                 908 kB")]
    [InlineData("Size:               1234 kB")]
    [InlineData("VmFlags: rd ex mr mw me dw")]
    [InlineData("")]
    public void Parse_FieldLine_IsNotAMapping(string line) => Mapping.Parse(line).ShouldBeNull();

    [Theory]
    [InlineData("7f1c2a000000-7f1c2a9e8000 r-xp 0001e000 fd:01 1234 /usr/lib/aura/aura", true)]
    [InlineData("7f1c2b000000-7f1c2b100000 r--p 00000000 fd:01 77 /usr/lib/x86_64-linux-gnu/libcrypto.so.3", true)]
    [InlineData("7f1c2c000000-7f1c2c001000 rw-p 00100000 fd:01 77 /usr/lib/x86_64-linux-gnu/libcrypto.so.3", false)]
    [InlineData("7f0000000000-7f0000100000 r--s 00000000 fd:01 99 /var/lib/aura/telemetry.sqlite", false)]
    [InlineData("7ffd1000-7ffd3000 r-xp 00000000 00:00 0                          [vdso]", false)]
    [InlineData("7f0000000000-7f0000001000 r--p 00000000 00:05 12 /dev/zero", false)]
    [InlineData("7f0000000000-7f0000001000 r--p 00000000 00:01 13 /memfd:doublemapper (deleted)", false)]
    public void IsReadOnlyFile_OnlyPrivateReadOnlyMappingsOfFilesOnDisk(string line, bool expected) =>
        CleanPages.IsReadOnlyFile(Mapping.Parse(line)!).ShouldBe(expected);

    private static long ResidentReadOnly(string executable)
    {
        long total = 0;
        var counting = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (Mapping.Parse(line) is { } mapping)
            {
                counting = mapping.Path == executable && !mapping.Writable;
            }
            else if (counting && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return total;
    }
}
