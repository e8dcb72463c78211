using Aura.Core.Model;
using Aura.Telemetry.Gpu.NvidiaSmi;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>The nvidia-smi fallback against stand-in executables that print captured output.</summary>
public sealed class NvidiaSmiSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task QueryAsync_StandIn_ReadsGpusAndJoinsComputeApps()
    {
        using var tool = StandInTool.Create("nvidia-smi", $"""
            case "$1" in
              --query-compute-apps=*) cat '{Fixtures.GpuFile("nvidia-smi/query-compute-apps.csv")}' ;;
              *) cat '{Fixtures.GpuFile("nvidia-smi/query-gpu-datacenter.csv")}' ;;
            esac
            """);
        using var source = new NvidiaSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        var gpus = await source.QueryAsync(CancellationToken.None);

        gpus.Length.ShouldBe(2);
        gpus[0].Processes.ShouldNotBeNull().Select(p => p.Pid).ShouldBe([31337, 31400]);
        gpus[1].Processes.ShouldNotBeNull().ShouldBe([new GpuProcess(31337, 79840L * 1024 * 1024)]);
        var calls = tool.Calls();
        calls.Length.ShouldBe(2);
        calls[0].ShouldBe("--query-gpu=" + string.Join(',', NvidiaSmiFields.All) + " --format=csv,noheader,nounits");
        calls[1].ShouldBe("--query-compute-apps=gpu_uuid,pid,used_memory --format=csv,noheader,nounits");
    }

    [Fact]
    public async Task QueryAsync_OlderDriverRefusesFields_DropsThemAndAsksAgainOnlyOnce()
    {
        using var tool = StandInTool.Create("nvidia-smi", $"""
            case "$1" in
              *utilization.encoder*) echo 'Field "utilization.encoder" is not a valid field to query.'; exit 2 ;;
              *utilization.decoder*) echo 'Field "utilization.decoder" is not a valid field to query.'; exit 2 ;;
              --query-gpu=*) cat '{Fixtures.GpuFile("nvidia-smi/query-gpu-r470.csv")}' ;;
            esac
            """);
        using var source = new NvidiaSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        var first = await source.QueryAsync(CancellationToken.None);
        var second = await source.QueryAsync(CancellationToken.None);

        first.ShouldHaveSingleItem().Name.ShouldBe("Tesla T4");
        second.ShouldHaveSingleItem().MemoryClockMhz.ShouldBe(5000);
        var gpuQueries = tool.Calls().Where(c => c.StartsWith("--query-gpu", StringComparison.Ordinal)).ToArray();
        gpuQueries.Length.ShouldBe(4, "two refusals, one answer, then the reduced list straight away");
        gpuQueries[3].ShouldNotContain("utilization.encoder");
    }

    [Fact]
    public async Task QueryAsync_DriverNotLoaded_NoGpus()
    {
        using var tool = StandInTool.Create("nvidia-smi", """
            echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."; exit 9
            """);
        using var source = new NvidiaSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        (await source.QueryAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task QueryAsync_ToolHangs_KilledAtTheTimeoutAndNoGpus()
    {
        using var tool = StandInTool.Create("nvidia-smi", "exec sleep 600");
        using var source = new NvidiaSmiSource(tool.Path, TimeProvider.System, TimeSpan.FromMilliseconds(300), Timeout);

        (await source.QueryAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void Read_FirstTick_WaitsForTheFirstAnswer()
    {
        using var tool = StandInTool.Create("nvidia-smi", $"cat '{Fixtures.GpuFile("nvidia-smi/query-gpu-geforce.csv")}'");
        using var source = new NvidiaSmiSource(tool.Path, TimeProvider.System, Timeout, Timeout);

        var gpus = source.Read(0);

        gpus.Select(g => g.Name).ShouldBe(["NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 3060", "NVIDIA GeForce MX150"]);
    }
}
