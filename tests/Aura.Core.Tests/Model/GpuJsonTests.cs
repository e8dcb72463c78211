using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;

namespace Aura.Core.Tests.Model;

public sealed class GpuJsonTests
{
    [Fact]
    public void Serialize_SnapshotWithGpu_SnakeCaseKeysAndRoundTrips()
    {
        var snapshot = SampleSnapshots.TwoCores();

        var json = JsonSerializer.Serialize(snapshot, AuraJsonContext.Default.Snapshot);
        var back = JsonSerializer.Deserialize(json, AuraJsonContext.Default.Snapshot)!;

        json.ShouldContain("\"gpus\":[{\"index\":0,\"name\":\"NVIDIA A100-SXM4-40GB\"");
        json.ShouldContain("\"memory_total_bytes\":42949672960");
        json.ShouldContain("\"throttle_reasons\":12");
        json.ShouldContain("\"gpu_memory_bytes\":536870912");
        back.Gpus.ShouldHaveSingleItem().ShouldBe(snapshot.Gpus[0] with { Processes = back.Gpus[0].Processes });
        back.Gpus[0].Processes.ShouldNotBeNull().ShouldBe(snapshot.Gpus[0].Processes!.Value);
        back.Processes.ShouldBe(snapshot.Processes);
    }

    [Fact]
    public void Serialize_AbsentReadings_LeftOutNotZero()
    {
        var snapshot = SampleSnapshots.TwoCores() with
        {
            Gpus = [new GpuSample { Index = 0, Name = "NVIDIA GeForce MX150", Vendor = GpuVendors.Nvidia, Source = GpuSources.NvidiaSmi, MemoryTotalBytes = 2L << 30 }],
        };

        var json = JsonSerializer.Serialize(snapshot, AuraJsonContext.Default.Snapshot);

        json.ShouldNotContain("utilization_percent");
        json.ShouldNotContain("power_watts");
        json.ShouldNotContain("\"processes\":[]", Case.Sensitive, "an unlisted process table is absent, not empty");
    }

    [Fact]
    public void Deserialize_SnapshotWithoutGpus_HasAnEmptyList()
    {
        var json = JsonSerializer.Serialize(SampleSnapshots.TwoCores() with { Gpus = [] }, AuraJsonContext.Default.Snapshot)
            .Replace(",\"gpus\":[]", "", StringComparison.Ordinal);

        JsonSerializer.Deserialize(json, AuraJsonContext.Default.Snapshot)!.Gpus.ShouldBeEmpty();
    }
}
