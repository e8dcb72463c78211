using System.Text;
using Aura.Telemetry.Gpu.Amd;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class DpmClockParserTests
{
    [Theory]
    [InlineData("0: 500Mhz \n1: 1500Mhz *\n2: 2575Mhz \n", 1500)]
    [InlineData("0: 96Mhz *\n1: 456Mhz \n", 96)]
    [InlineData("0: 500Mhz\n1: 800Mhz\n2: 2100Mhz *", 2100)]
    [InlineData("S: 19Mhz *\n0: 500Mhz\n", 19)]
    public void CurrentMhz_MarkedLevel_ReturnsItsMhz(string content, int mhz)
    {
        DpmClockParser.CurrentMhz(Encoding.ASCII.GetBytes(content)).ShouldBe(mhz);
    }

    [Theory]
    [InlineData("0: 500Mhz \n1: 1500Mhz \n")]
    [InlineData("")]
    [InlineData("1: fastMhz *\n")]
    [InlineData("1: 1500 *\n")]
    public void CurrentMhz_NoMarkedOrUnparsableLevel_Null(string content)
    {
        DpmClockParser.CurrentMhz(Encoding.ASCII.GetBytes(content)).ShouldBeNull();
    }
}
