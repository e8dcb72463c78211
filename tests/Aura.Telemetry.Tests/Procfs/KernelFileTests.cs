using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Tests.Procfs;

public sealed class KernelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aura-kernelfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TryRead_KernelFileOfSizeZero_ReadsItsText()
    {
        var buffer = new byte[16];

        KernelFile.TryRead("/proc/self/stat", ref buffer, out var content).ShouldBeTrue();

        Encoding.ASCII.GetString(content).ShouldStartWith(Environment.ProcessId + " (");
    }

    [Fact]
    public void TryRead_FileLargerThanTheBuffer_GrowsTheBufferAndReadsItWhole()
    {
        var expected = Enumerable.Range(0, 5000).Select(i => (byte)('a' + (i % 26))).ToArray();
        var path = Write("large", expected);
        var buffer = new byte[64];

        KernelFile.TryRead(path, ref buffer, out var content).ShouldBeTrue();

        content.ToArray().ShouldBe(expected);
        buffer.Length.ShouldBeGreaterThanOrEqualTo(expected.Length);
    }

    [Fact]
    public void TryRead_MissingFileOrDirectory_ReturnsFalse()
    {
        var buffer = new byte[64];

        KernelFile.TryRead(Path.Join(_directory, "absent"), ref buffer, out _).ShouldBeFalse();
        KernelFile.TryRead(_directory, ref buffer, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_PathWithNonAsciiName_ReadsIt()
    {
        var path = Write("température", "42000\n"u8.ToArray());
        var buffer = new byte[64];

        KernelFile.TryRead(path, ref buffer, out var content).ShouldBeTrue();

        Encoding.ASCII.GetString(content).ShouldBe("42000\n");
    }

    [Fact]
    public void ReadText_File_ReturnsItsWholeText()
    {
        var path = Write("release", "# R36 (release), REVISION: 4.0\n"u8.ToArray());

        KernelFile.ReadText(path).ShouldBe("# R36 (release), REVISION: 4.0\n");
        KernelFile.ReadText(Path.Join(_directory, "absent")).ShouldBeNull();
    }

    [Fact]
    public void TryRead_KeptOpenFileRewrittenInPlace_ReadsTheNewText()
    {
        var path = Write("value", "1\n"u8.ToArray());
        using var file = new KernelFile(path);
        var buffer = new byte[8];
        file.TryRead(ref buffer, out _).ShouldBeTrue();

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Write("22\n"u8);
        }

        file.TryRead(ref buffer, out var content).ShouldBeTrue();
        Encoding.ASCII.GetString(content).ShouldBe("22\n");
    }

    [Fact]
    public void TryRead_MissingFile_StaysMissingUntilReprobed()
    {
        var path = Path.Join(_directory, "later");
        using var file = new KernelFile(path);
        var buffer = new byte[8];
        file.TryRead(ref buffer, out _).ShouldBeFalse();
        Write("later", "7\n"u8.ToArray());

        file.TryRead(ref buffer, out _).ShouldBeFalse();
        file.Reprobe();
        file.TryRead(ref buffer, out var content).ShouldBeTrue();

        Encoding.ASCII.GetString(content).ShouldBe("7\n");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Join(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
