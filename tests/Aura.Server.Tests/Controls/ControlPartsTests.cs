using Aura.Controls;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Tests.Controls;

public sealed class ControlPartsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aura-sysfs-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Write_ExistingFile_ReplacesItsContentWithValueAndNewline()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "sys/x"));
        File.WriteAllText(Path.Combine(_root.FullName, "sys/x/value"), "12345\n");

        new SysfsWriter(_root.FullName).Write("sys/x/value", "7").ShouldBeNull();

        File.ReadAllText(Path.Combine(_root.FullName, "sys/x/value")).ShouldBe("7\n");
    }

    [Fact]
    public void Write_MissingFile_IsNotCreated()
    {
        var problem = new SysfsWriter(_root.FullName).Write("sys/nothing", "1");

        problem.ShouldBe($"{Path.Combine(_root.FullName, "sys/nothing")} does not exist");
        File.Exists(Path.Combine(_root.FullName, "sys/nothing")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../escape", "1")]
    [InlineData("/etc/passwd", "1")]
    [InlineData("sys/../../escape", "1")]
    [InlineData("sys/x/value", "1\nmore")]
    public void Write_PathOutsideRootOrMultilineValue_IsRefused(string relative, string value)
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "sys/x"));
        File.WriteAllText(Path.Combine(_root.FullName, "sys/x/value"), "0\n");

        new SysfsWriter(_root.FullName).Write(relative, value).ShouldStartWith("refused to write");

        File.ReadAllText(Path.Combine(_root.FullName, "sys/x/value")).ShouldBe("0\n");
    }

    [Theory]
    [InlineData("cpu0: Online=1 Governor=schedutil MinFreq=100 MaxFreq=200 CurrentFreq=100\nGPU MinFreq=5 MaxFreq=5 CurrentFreq=5", false)]
    [InlineData("cpu0: Online=1 Governor=schedutil MinFreq=200 MaxFreq=200 CurrentFreq=200\nGPU MinFreq=1 MaxFreq=5 CurrentFreq=5", false)]
    [InlineData("cpu0: Online=1 Governor=schedutil MinFreq=200 MaxFreq=200 CurrentFreq=200\ncpu1: Online=0 MinFreq=1 MaxFreq=2\nGPU MinFreq=5 MaxFreq=5 CurrentFreq=5", true)]
    [InlineData("cpu0: Online=1 MinFreq=200 MaxFreq=200 CurrentFreq=200", true)]
    [InlineData("GPU MinFreq=5 MaxFreq=5 CurrentFreq=5", null)]
    [InlineData("jetson_clocks: must be run as root", null)]
    public void IsOn_ShowOutput_PinnedOnlyWhenEveryOnlineCpuAndTheGpuArePinned(string output, bool? expected)
    {
        JetsonClocksShow.IsOn(output).ShouldBe(expected);
    }

    [Theory]
    [InlineData("NV Power Mode: MAXN\n0\n", "MAXN")]
    [InlineData("NV Fan Mode:quiet\nNV Power Mode: SOMETHING\n1\n", "7W")]
    [InlineData("NV Power Mode: 25W\n", "25W")]
    [InlineData("nothing useful", "")]
    public void Current_NvpmodelQuery_PrefersTheConfiguredName(string output, string expected)
    {
        NvpmodelControl.Current(output, [new NvpmodelMode(0, "MAXN"), new NvpmodelMode(1, "7W")]).ShouldBe(expected);
    }
}
