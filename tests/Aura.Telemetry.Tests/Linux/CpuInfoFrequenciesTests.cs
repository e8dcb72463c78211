using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class CpuInfoFrequenciesTests
{
    private const string CpuInfo = "processor\t: 0\nmodel name\t: Xeon\ncpu MHz\t\t: 2000.000\n\nprocessor\t: 2\ncpu MHz\t\t: 2400.5\n\nprocessor\t: 3\ncpu MHz\t\t: bogus\n";

    [Fact]
    public void Apply_OnlineCoresWithoutCpufreq_GetTheirOwnProcessorsClock()
    {
        var mhz = Array.Empty<double>();
        CpuInfoFrequencies.Parse("xx\n"u8, ref mhz);
        CpuInfoFrequencies.Parse(System.Text.Encoding.ASCII.GetBytes(CpuInfo), ref mhz);
        CoreSample[] samples =
        [
            new(0, true, null, null),
            new(1, false, null, null),
            new(2, true, null, 1800),
            new(3, true, null, null),
        ];

        CpuInfoFrequencies.Apply(mhz, samples);

        samples.Select(s => s.FrequencyMhz).ShouldBe([2000.0, null, 1800.0, null],
            "cpu 1 is offline, cpu 2 keeps its cpufreq reading, cpu 3's line does not parse");
    }
}
