using Aura.Telemetry.Gpu.Amd;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>The rocm-smi fallback against stand-in executables that print captured output.</summary>
public sealed class RocmSmiSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task QueryAsync_WarningsBeforeTheJson_ReadsTheCardsWithTheFullArgumentList()
    {
        using var tool = StandInTool.Create("rocm-smi", $"""
            echo 'WARNING: AMD GPU device(s) is/are in a low-power state. Check power control/runtime_status'
            cat '{Fixtures.GpuFile("rocm-smi/rocm-smi.json")}'
            """);
        using var source = new RocmSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        var gpus = await source.QueryAsync(CancellationToken.None);

        gpus.Select(g => g.Name).ShouldBe(["Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]", "Aldebaran/MI200 [Instinct MI210]"]);
        tool.Calls().ShouldBe([string.Join(' ', RocmSmiSource.Arguments)]);
    }

    [Fact]
    public async Task QueryAsync_ToolFails_GivesNoGpus()
    {
        using var tool = StandInTool.Create("rocm-smi", "echo 'ERROR: no driver' >&2; exit 1");
        using var source = new RocmSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        (await source.QueryAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void Read_FirstCall_WaitsForTheFirstRunAndOffsetsIndexes()
    {
        using var tool = StandInTool.Create("rocm-smi", $"cat '{Fixtures.GpuFile("rocm-smi/rocm-smi.json")}'");
        using var source = new RocmSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        var gpus = source.Read(firstIndex: 3);

        gpus.Select(g => g.Index).ShouldBe([3, 4]);
    }
}
