using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class CpuRangeListTests
{
    [Theory]
    [InlineData("0-3,8,10-11\n", 7, 11)]
    [InlineData("0\n", 1, 0)]
    [InlineData("\n", 0, -1)]
    public void TryCount_KernelCpuList_CountsEveryId(string list, int count, int highest)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(list);

        CpuRangeList.TryCount(bytes, CpuRangeList.MaxCpus, out var counted).ShouldBeTrue();
        CpuRangeList.TryGetHighest(bytes, CpuRangeList.MaxCpus, out var top).ShouldBeTrue();

        counted.ShouldBe(count);
        top.ShouldBe(highest);
    }

    [Theory]
    [InlineData("0-x")]
    [InlineData("3-1")]
    [InlineData("0-3,,5")]
    [InlineData("-1")]
    [InlineData("0-8192")]
    [InlineData("0 - 3")]
    public void TryCount_Garbage_IsRejected(string list)
    {
        CpuRangeList.TryCount(System.Text.Encoding.ASCII.GetBytes(list), CpuRangeList.MaxCpus, out _).ShouldBeFalse();
    }

    [Fact]
    public void Mark_KernelCpuList_SetsExactlyThoseIds()
    {
        var mask = new bool[12];

        CpuRangeList.Mark("1-2,5,9-10\n"u8, mask);

        mask.ShouldBe([false, true, true, false, false, true, false, false, false, true, true, false]);
    }
}
