using Aura.Core.Model;

namespace Aura.Core.Tests.Model;

/// <summary>A Jetson section with every kind of reading, for tests that need each Jetson series to appear.</summary>
internal static class SampleJetson
{
    public static JetsonSection Full { get; } = new()
    {
        Source = "command",
        Raw = "(not parsed here)",
        Ram = new JetsonMemory(2461L << 20, 7620L << 20, null, new JetsonFreeBlock(3, 2L << 20)),
        Iram = new JetsonMemory(0, 252 << 10, null, new JetsonFreeBlock(null, 252 << 10)),
        Engines =
        [
            new JetsonEngine("GR3D_FREQ", false, 59, 1300, null),
            new JetsonEngine("NVDEC", true, null, null, null),
            new JetsonEngine("APE", false, null, null, 150),
        ],
        Rails = [new JetsonRail("VDD_IN", 5704, 5600, "mW")],
        Temperatures = [new JetsonTemperature("tj", 48.843)],
    };
}
