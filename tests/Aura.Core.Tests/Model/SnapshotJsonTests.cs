using System.Text.Json;
using Aura.Core.Json;

namespace Aura.Core.Tests.Model;

public sealed class SnapshotJsonTests
{
    [Fact]
    public void Serialize_Snapshot_UsesSnakeCaseAndRoundTrips()
    {
        var snapshot = SampleSnapshots.TwoCores();

        var json = JsonSerializer.Serialize(snapshot, AuraJsonContext.Default.Snapshot);
        var back = JsonSerializer.Deserialize(json, AuraJsonContext.Default.Snapshot)!;

        json.ShouldContain("\"time\":\"2023-11-14T22:13:20.123+00:00\"");
        json.ShouldContain("\"mount_point\":\"/\"");
        json.ShouldContain("\"cpu_percent\":150.5");
        json.ShouldNotContain("\"timestamp\"", Case.Sensitive, "the seed's epoch 'timestamp' key belongs to the output line");
        back.Timestamp.ShouldBe(snapshot.Timestamp);
        back.Cpu.Cores.ShouldBe(snapshot.Cpu.Cores);
        back.Processes.ShouldBe(snapshot.Processes);
        back.Thermal.Sensors.ShouldBe(snapshot.Thermal.Sensors);
        back.Network.Total.ShouldBe(snapshot.Network.Total);
        back.Memory.ShouldBe(snapshot.Memory);
    }
}
