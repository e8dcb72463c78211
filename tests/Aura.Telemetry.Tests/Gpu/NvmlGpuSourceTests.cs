using Aura.Core.Model;
using Aura.Telemetry.Gpu.Nvml;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class NvmlGpuSourceTests
{
    [Fact]
    public void Read_EveryCallSucceeds_MapsUnitsAndNames()
    {
        var nvml = new FakeNvml { Devices = { FakeNvmlDevice.A100() } };
        using var source = new NvmlGpuSource(nvml);

        var gpu = source.Read(0).ShouldHaveSingleItem();

        gpu.Index.ShouldBe(0);
        gpu.Name.ShouldBe("NVIDIA A100-SXM4-40GB");
        gpu.Uuid.ShouldBe("GPU-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
        gpu.Vendor.ShouldBe(GpuVendors.Nvidia);
        gpu.Source.ShouldBe(GpuSources.Nvml);
        gpu.UtilizationPercent.ShouldBe(87);
        gpu.MemoryUtilizationPercent.ShouldBe(41);
        gpu.EncoderUtilizationPercent.ShouldBe(0, "0 % is a reading, not an absence");
        gpu.DecoderUtilizationPercent.ShouldBe(3);
        gpu.MemoryTotalBytes.ShouldBe(42_949_672_960);
        gpu.MemoryUsedBytes.ShouldBe(21_474_836_480);
        gpu.MemoryFreeBytes.ShouldBe(21_474_836_480);
        gpu.MemoryUsedRatio.ShouldBe(0.5);
        gpu.TemperatureCelsius.ShouldBe(61);
        gpu.PowerWatts.ShouldBe(243.12);
        gpu.PowerLimitWatts.ShouldBe(400);
        gpu.GraphicsClockMhz.ShouldBe(1410);
        gpu.SmClockMhz.ShouldBe(1410);
        gpu.MemoryClockMhz.ShouldBe(1215);
        gpu.PerformanceState.ShouldBe(0);
        gpu.ThrottleReasons.ShouldBe(0x4UL);
        gpu.EccCorrectedErrors.ShouldBe(2);
        gpu.EccUncorrectedErrors.ShouldBe(0);
        gpu.Processes.ShouldNotBeNull().ShouldBe([new GpuProcess(4242, 20_000_000_000)]);
    }

    [Fact]
    public void Read_CallsNotSupported_LeavesThoseReadingsNull()
    {
        var nvml = new FakeNvml { Devices = { new FakeNvmlDevice { Name = "NVIDIA GeForce MX150", Memory = new NvmlMemory { Total = 2L << 30, Used = 1L << 28, Free = (2L << 30) - (1L << 28) } } } };
        using var source = new NvmlGpuSource(nvml);

        var gpu = source.Read(0).ShouldHaveSingleItem();

        gpu.Name.ShouldBe("NVIDIA GeForce MX150");
        gpu.Uuid.ShouldBeNull();
        gpu.MemoryTotalBytes.ShouldBe(2L << 30);
        gpu.UtilizationPercent.ShouldBeNull();
        gpu.MemoryUtilizationPercent.ShouldBeNull();
        gpu.EncoderUtilizationPercent.ShouldBeNull();
        gpu.TemperatureCelsius.ShouldBeNull();
        gpu.FanPercent.ShouldBeNull();
        gpu.PowerWatts.ShouldBeNull();
        gpu.PowerLimitWatts.ShouldBeNull();
        gpu.GraphicsClockMhz.ShouldBeNull();
        gpu.PerformanceState.ShouldBeNull();
        gpu.ThrottleReasons.ShouldBeNull();
        gpu.EccCorrectedErrors.ShouldBeNull();
        gpu.Processes.ShouldBeNull("neither process list could be read");
    }

    [Fact]
    public void Read_UnknownPerformanceState_IsNull()
    {
        var device = FakeNvmlDevice.A100();
        device.PerformanceState = 32;
        using var source = new NvmlGpuSource(new FakeNvml { Devices = { device } });

        source.Read(0).ShouldHaveSingleItem().PerformanceState.ShouldBeNull();
    }

    [Fact]
    public void Read_ComputeAndGraphicsContexts_MergedByPidWithUnknownMemoryKeptNull()
    {
        var device = FakeNvmlDevice.A100();
        device.Compute = [new NvmlProcessInfo { Pid = 10, UsedGpuMemory = 1000 }, new NvmlProcessInfo { Pid = 11, UsedGpuMemory = NvmlProcessInfo.NotAvailable }];
        device.Graphics = [new NvmlProcessInfo { Pid = 10, UsedGpuMemory = 1000 }, new NvmlProcessInfo { Pid = 12, UsedGpuMemory = 500 }];
        using var source = new NvmlGpuSource(new FakeNvml { Devices = { device } });

        var processes = source.Read(0).ShouldHaveSingleItem().Processes.ShouldNotBeNull();

        processes.ShouldBe([new GpuProcess(10, 1000), new GpuProcess(11, null), new GpuProcess(12, 500)]);
    }

    [Fact]
    public void Read_MoreProcessesThanTheBuffer_GrowsAndListsThemAll()
    {
        var device = FakeNvmlDevice.A100();
        device.Compute = [.. Enumerable.Range(1, 200).Select(pid => new NvmlProcessInfo { Pid = (uint)pid, UsedGpuMemory = (ulong)pid * 1024 })];
        using var source = new NvmlGpuSource(new FakeNvml { Devices = { device } });

        var processes = source.Read(0).ShouldHaveSingleItem().Processes.ShouldNotBeNull();

        processes.Length.ShouldBe(200);
        processes[199].ShouldBe(new GpuProcess(200, 200 * 1024));
    }

    [Fact]
    public void Read_DeviceThatCannotBeOpened_IsLeftOutAndOthersKeepTheirIndex()
    {
        var nvml = new FakeNvml { Devices = { new FakeNvmlDevice { HandleStatus = NvmlReturn.NoPermission }, FakeNvmlDevice.A100() } };
        using var source = new NvmlGpuSource(nvml);

        var gpu = source.Read(0).ShouldHaveSingleItem();

        gpu.Index.ShouldBe(1, "the index stays NVML's (nvidia-smi's), not a renumbering");
        gpu.Name.ShouldBe("NVIDIA A100-SXM4-40GB");
    }

    [Fact]
    public void Read_CountFails_NoGpus()
    {
        var nvml = new FakeNvml { CountStatus = NvmlReturn.DriverNotLoaded, Devices = { FakeNvmlDevice.A100() } };
        using var source = new NvmlGpuSource(nvml);

        source.Read(0).ShouldBeEmpty();
    }

    [Fact]
    public void Read_Twice_DiscoversDevicesOnceAndReadsReadingsEachTime()
    {
        var device = FakeNvmlDevice.A100();
        var nvml = new FakeNvml { Devices = { device } };
        using var source = new NvmlGpuSource(nvml);

        source.Read(0);
        device.Gpu = 12;
        var second = source.Read(3).ShouldHaveSingleItem();

        nvml.CountCalls.ShouldBe(1);
        second.UtilizationPercent.ShouldBe(12);
        second.Index.ShouldBe(3, "the first index is the caller's");
    }
}
