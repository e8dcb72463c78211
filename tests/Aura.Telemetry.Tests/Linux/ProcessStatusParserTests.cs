using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class ProcessStatusParserTests
{
    [Fact]
    public void TryParseRealUid_RealIdDiffersFromEffective_ReturnsTheRealOne()
    {
        var status = "Name:\tpasswd\nState:\tR (running)\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n"u8;

        ProcessStatusParser.TryParseRealUid(status, out var uid).ShouldBeTrue();

        uid.ShouldBe(1000u);
    }

    [Fact]
    public void TryParseRealUid_CapturedNobodyProcess_ReturnsItsUid()
    {
        var status = File.ReadAllBytes(Path.Combine(Fixtures.Root("dev-vm"), "proc", "7010", "status"));

        ProcessStatusParser.TryParseRealUid(status, out var uid).ShouldBeTrue();

        uid.ShouldBe(65534u);
    }

    [Theory]
    [InlineData("Name:\tno-uid-line\nState:\tS (sleeping)\n")]
    [InlineData("Name:\tx\nUid:\t\n")]
    [InlineData("Name:\tx\nUid:\t-1\t0\t0\t0\n")]
    public void TryParseRealUid_NoUsableUidLine_ReturnsFalse(string status) =>
        ProcessStatusParser.TryParseRealUid(System.Text.Encoding.ASCII.GetBytes(status), out _).ShouldBeFalse();
}
