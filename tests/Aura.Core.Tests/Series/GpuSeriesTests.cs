using Aura.Core.Model;
using Aura.Core.Series;
using Aura.Core.Tests.Model;

namespace Aura.Core.Tests.Series;

public sealed class GpuSeriesTests
{
    private sealed class RecordingSink : ISeriesSink
    {
        public Dictionary<string, double> Values { get; } = [];

        public void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null)
        {
            family.LabelCount.ShouldBe(label1 is null ? 0 : label2 is null ? 1 : 2, $"{family.Name} got the wrong number of labels");
            Values.Add(SeriesKey.Format(family, label1, label2), value);
        }
    }

    [Fact]
    public void Write_FullGpu_EveryReadingInItsBaseUnitLabelledByIndex()
    {
        var sink = new RecordingSink();

        GpuSeries.Write([SampleSnapshots.Gpu()], sink);

        var v = sink.Values;
        v["aura_gpu_utilization_ratio{gpu=\"0\",engine=\"gpu\"}"].ShouldBe(0.87);
        v["aura_gpu_utilization_ratio{gpu=\"0\",engine=\"memory\"}"].ShouldBe(0.41);
        v["aura_gpu_utilization_ratio{gpu=\"0\",engine=\"encoder\"}"].ShouldBe(0);
        v["aura_gpu_utilization_ratio{gpu=\"0\",engine=\"decoder\"}"].ShouldBe(0.03);
        v["aura_gpu_memory_total_bytes{gpu=\"0\"}"].ShouldBe(40L << 30);
        v["aura_gpu_memory_used_bytes{gpu=\"0\"}"].ShouldBe(10L << 30);
        v["aura_gpu_memory_free_bytes{gpu=\"0\"}"].ShouldBe(30L << 30);
        v["aura_gpu_memory_used_ratio{gpu=\"0\"}"].ShouldBe(0.25);
        v["aura_gpu_temperature_celsius{gpu=\"0\"}"].ShouldBe(61);
        v["aura_gpu_fan_ratio{gpu=\"0\"}"].ShouldBe(0.45);
        v["aura_gpu_power_watts{gpu=\"0\"}"].ShouldBe(243.12);
        v["aura_gpu_power_limit_watts{gpu=\"0\"}"].ShouldBe(400);
        v["aura_gpu_clock_hertz{gpu=\"0\",clock=\"graphics\"}"].ShouldBe(1.41e9);
        v["aura_gpu_clock_hertz{gpu=\"0\",clock=\"memory\"}"].ShouldBe(1.215e9);
        v["aura_gpu_performance_state{gpu=\"0\"}"].ShouldBe(0);
        v["aura_gpu_throttle_active{gpu=\"0\",reason=\"sw_power_cap\"}"].ShouldBe(1);
        v["aura_gpu_throttle_active{gpu=\"0\",reason=\"hw_slowdown\"}"].ShouldBe(1);
        v["aura_gpu_throttle_active{gpu=\"0\",reason=\"gpu_idle\"}"].ShouldBe(0);
        v["aura_gpu_ecc_errors_total{gpu=\"0\",type=\"corrected\"}"].ShouldBe(2);
        v["aura_gpu_processes{gpu=\"0\"}"].ShouldBe(1);
    }

    [Fact]
    public void Write_GpuWithoutReadings_WritesNothingRatherThanZeros()
    {
        var sink = new RecordingSink();
        var bare = new GpuSample { Index = 3, Name = "AMD GPU [1002:7340]", Vendor = GpuVendors.Amd, Source = GpuSources.Amdgpu };

        GpuSeries.Write([bare], sink);

        sink.Values.ShouldBeEmpty();
    }

    [Fact]
    public void Write_NoGpus_NothingAndNoThrowOnDefault()
    {
        var sink = new RecordingSink();

        GpuSeries.Write(default, sink);
        GpuSeries.Write([], sink);

        sink.Values.ShouldBeEmpty();
    }
}
