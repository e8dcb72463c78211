using Aura.Controls;

namespace Aura.Server.Tests.Controls;

public sealed class ControlServiceTests
{
    [Fact]
    public async Task List_OrinNano_EveryControlSupportedWithItsState()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var list = (await service.ListAsync(CancellationToken.None)).ToDictionary(c => c.Name);

        list.Keys.ShouldBe(["fan", "nvpmodel", "jetson_clocks", "cpu_governor", "gpu_governor", "gpu_railgate"], ignoreOrder: false);
        list.Values.ShouldAllBe(c => c.Supported && c.RequiresSudo && !c.Readonly);
        list["fan"].Value.ShouldBe("40", "pwm1 102 of 255");
        (list["fan"].Min, list["fan"].Max, list["fan"].Step, list["fan"].Unit).ShouldBe(((uint?)0, (uint?)100, (uint?)1, "%"));
        list["nvpmodel"].Value.ShouldBe("15W", "nvpmodel -q says id 0, and /etc/nvpmodel.conf names id 0 15W");
        list["nvpmodel"].Options.ShouldBe(["15W", "7W", "MAXN_SUPER"]);
        list["jetson_clocks"].Value.ShouldBe("off");
        list["cpu_governor"].Value.ShouldBe("schedutil");
        list["cpu_governor"].Options.ShouldContain("performance");
        list["gpu_governor"].Value.ShouldBe("nvhost_podgov");
        list["gpu_governor"].Options.ShouldBe(["userspace", "performance", "simple_ondemand", "nvhost_podgov"]);
        list["gpu_railgate"].Value.ShouldBe("on");
    }

    [Fact]
    public async Task List_MachineWithoutAny_ListsAllAsUnsupportedWithReasons()
    {
        using var bench = new JetsonBench("dev-vm", tools: false);
        using var service = bench.Service();

        var list = await service.ListAsync(CancellationToken.None);

        list.Count.ShouldBe(6);
        list.ShouldAllBe(c => !c.Supported && c.Readonly);
        list.Single(c => c.Name == "cpu_governor").Description.ShouldContain("Not supported here: no cpufreq");
        list.Single(c => c.Name == "nvpmodel").Description.ShouldContain("no power modes");
    }

    [Fact]
    public async Task Set_Fan75_WritesPwm191AndReadsItBack()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var result = await service.SetAsync("fan", "75", CancellationToken.None);

        result.State!.Value.ShouldBe("75");
        result.Previous.ShouldBe("40");
        bench.ReadRoot("sys/class/hwmon/hwmon1/pwm1").ShouldBe("191\n");
    }

    [Fact]
    public async Task Set_NanoFan_WritesTargetPwm()
    {
        using var bench = new JetsonBench("jetson-nano");
        using var service = bench.Service();

        var result = await service.SetAsync("fan", "100%", CancellationToken.None);

        result.State!.Value.ShouldBe("100");
        bench.ReadRoot("sys/devices/pwm-fan/target_pwm").ShouldBe("255\n");
    }

    [Theory]
    [InlineData("fan", "101", "fan must be a whole number of percent from 0 to 100, not '101'")]
    [InlineData("fan", "-5", "fan must be a whole number of percent from 0 to 100, not '-5'")]
    [InlineData("fan", "fast", "fan must be a whole number of percent from 0 to 100, not 'fast'")]
    [InlineData("jetson_clocks", "toggle", "jetson_clocks must be on or off, not 'toggle'")]
    [InlineData("gpu_railgate", "maybe", "gpu_railgate must be on or off, not 'maybe'")]
    [InlineData("cpu_governor", "turbo", "cpu_governor must be one of interactive, conservative, ondemand, userspace, powersave, performance, schedutil, not 'turbo'")]
    [InlineData("gpu_governor", "schedutil", "gpu_governor must be one of userspace, performance, simple_ondemand, nvhost_podgov, not 'schedutil'")]
    [InlineData("nvpmodel", "MAXN", "nvpmodel must be a mode id or name from /etc/nvpmodel.conf: 0 (15W), 1 (7W), 2 (MAXN_SUPER); 'MAXN' is neither")]
    [InlineData("nvpmodel", "9", "nvpmodel must be a mode id or name from /etc/nvpmodel.conf: 0 (15W), 1 (7W), 2 (MAXN_SUPER); '9' is neither")]
    public async Task Set_BadValue_RefusedWithAClearMessageAndNothingChanges(string control, string value, string message)
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();
        var before = (await service.ListAsync(CancellationToken.None)).Select(c => (c.Name, c.Value)).ToArray();

        var result = await service.SetAsync(control, value, CancellationToken.None);

        result.State.ShouldBeNull();
        (result.Reason, result.ErrorCode, result.ErrorMessage).ShouldBe((ControlReasons.InvalidValue, "control_error", message));
        (await service.ListAsync(CancellationToken.None)).Select(c => (c.Name, c.Value)).ShouldBe(before);
        bench.Calls.ShouldNotContain(c => c.StartsWith("nvpmodel -m", StringComparison.Ordinal) || c == "jetson_clocks ");
    }

    [Fact]
    public async Task Set_UnknownControl_RefusedAsInvalidControlNamingTheChoices()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var result = await service.SetAsync("turbo", "on", CancellationToken.None);

        (result.Reason, result.ErrorCode).ShouldBe((ControlReasons.UnknownControl, "invalid_control"));
        result.ErrorMessage.ShouldBe("unknown control 'turbo': the controls are fan, nvpmodel, jetson_clocks, cpu_governor, gpu_governor, gpu_railgate");
    }

    [Fact]
    public async Task Set_UnsupportedControl_RefusedSayingWhy()
    {
        using var bench = new JetsonBench("dev-vm", tools: false);
        using var service = bench.Service();

        var result = await service.SetAsync("cpu_governor", "performance", CancellationToken.None);

        (result.Reason, result.ErrorCode).ShouldBe((ControlReasons.Unsupported, "control_error"));
        result.ErrorMessage.ShouldBe("cpu_governor is not supported on this machine: no cpufreq (sys/devices/system/cpu/cpufreq/policy*)");
    }

    [Fact]
    public async Task Set_NotRoot_RefusedAndNothingWrittenOrRun()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service(root: false);

        var fan = await service.SetAsync("fan", "75", CancellationToken.None);
        var mode = await service.SetAsync("nvpmodel", "7W", CancellationToken.None);

        fan.Reason.ShouldBe(ControlReasons.RequiresRoot);
        fan.ErrorMessage.ShouldBe("changing fan needs root, and this aura serve is not running as root (the packaged systemd unit runs it unprivileged): run it as root to use controls");
        mode.Reason.ShouldBe(ControlReasons.RequiresRoot);
        bench.ReadRoot("sys/class/hwmon/hwmon1/pwm1").ShouldBe("102\n");
        bench.Calls.ShouldNotContain(c => c.StartsWith("nvpmodel -m", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("7W")]
    [InlineData("7w")]
    [InlineData("1")]
    public async Task Set_NvpmodelByNameOrId_RunsNvpmodelWithTheNumericId(string value)
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var result = await service.SetAsync("nvpmodel", value, CancellationToken.None);

        result.State!.Value.ShouldBe("7W");
        result.Previous.ShouldBe("15W");
        bench.Calls.ShouldContain("nvpmodel -m 1");
        bench.ReadBin("nvpmodel.mode").ShouldBe("1");
    }

    [Fact]
    public async Task List_NvpmodelQueryFails_KeepsTheControlWithAnUnknownValue()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();
        bench.WriteBin("nvpmodel.fail", "");

        var nvpmodel = (await service.ListAsync(CancellationToken.None)).Single(c => c.Name == "nvpmodel");

        nvpmodel.Supported.ShouldBeTrue();
        nvpmodel.Value.ShouldBe("");
    }

    [Fact]
    public async Task Set_NvpmodelMinusMFails_ReportsTheToolsError()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();
        var failing = bench.Bin + "/nvpmodel";
        File.WriteAllText(failing, File.ReadAllText(failing).Replace("-m) echo \"$2\" > \"$dir/nvpmodel.mode\" ;;", "-m) echo 'NVPM ERROR: mode locked' >&2; exit 4 ;;", StringComparison.Ordinal));

        var result = await service.SetAsync("nvpmodel", "1", CancellationToken.None);

        result.Reason.ShouldBe(ControlReasons.Failed);
        result.ErrorMessage.ShouldBe("nvpmodel was not changed: nvpmodel -m 1 exited with code 4: NVPM ERROR: mode locked");
    }

    [Fact]
    public async Task Set_JetsonClocksOn_StoresThenPinsAndSecondOnIsANoOp()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var first = await service.SetAsync("jetson_clocks", "on", CancellationToken.None);
        var runsAfterFirst = bench.Calls.Length;
        var second = await service.SetAsync("jetson_clocks", "on", CancellationToken.None);

        first.State!.Value.ShouldBe("on");
        second.State!.Value.ShouldBe("on");
        bench.Calls[..runsAfterFirst].ShouldBe(["jetson_clocks --show", $"jetson_clocks --store {bench.StorePath}", "jetson_clocks ", "jetson_clocks --show"]);
        bench.Calls[runsAfterFirst..].ShouldBe(["jetson_clocks --show", "jetson_clocks --show"], "asking for the current state changes nothing: never a toggle");
        File.ReadAllText(bench.StorePath).ShouldBe("stored off\n");
    }

    [Fact]
    public async Task Set_JetsonClocksOffWhenOff_ChangesNothing()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var result = await service.SetAsync("jetson_clocks", "off", CancellationToken.None);

        result.State!.Value.ShouldBe("off");
        bench.Calls.ShouldAllBe(c => c == "jetson_clocks --show");
    }

    [Fact]
    public async Task Set_JetsonClocksOffAfterOn_RestoresTheStoredClocks()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();
        await service.SetAsync("jetson_clocks", "1", CancellationToken.None);

        var result = await service.SetAsync("jetson_clocks", "off", CancellationToken.None);

        result.State!.Value.ShouldBe("off");
        bench.Calls.ShouldContain($"jetson_clocks --restore {bench.StorePath}");
    }

    [Fact]
    public async Task Set_JetsonClocksOffPinnedOutsideAura_RefusedWithoutAStoreToRestore()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();
        bench.WriteBin("clocks.state", "on\n");

        var result = await service.SetAsync("jetson_clocks", "off", CancellationToken.None);

        result.Reason.ShouldBe(ControlReasons.Failed);
        result.ErrorMessage!.ShouldStartWith($"jetson_clocks was not changed: there are no stored clocks to restore ({bench.StorePath} does not exist)");
        bench.Calls.ShouldNotContain(c => c.StartsWith("jetson_clocks --restore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Set_CpuGovernor_WritesEveryPolicy()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        var result = await service.SetAsync("cpu_governor", "performance", CancellationToken.None);

        result.State!.Value.ShouldBe("performance");
        bench.ReadRoot("sys/devices/system/cpu/cpufreq/policy0/scaling_governor").ShouldBe("performance\n");
        bench.ReadRoot("sys/devices/system/cpu/cpufreq/policy4/scaling_governor").ShouldBe("performance\n");
    }

    [Fact]
    public async Task Set_CpuGovernorOnOlderKernel_WritesEachCpusCpufreq()
    {
        using var bench = new JetsonBench("jetson-nano");
        using var service = bench.Service();

        var result = await service.SetAsync("cpu_governor", "powersave", CancellationToken.None);

        result.State!.Value.ShouldBe("powersave");
        for (var cpu = 0; cpu < 4; cpu++)
        {
            bench.ReadRoot($"sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_governor").ShouldBe("powersave\n");
        }
    }

    [Fact]
    public async Task Set_GpuGovernorAndRailgate_WriteTheDevfreqDevice()
    {
        using var bench = new JetsonBench();
        using var service = bench.Service();

        (await service.SetAsync("gpu_governor", "performance", CancellationToken.None)).State!.Value.ShouldBe("performance");
        (await service.SetAsync("gpu_railgate", "off", CancellationToken.None)).State!.Value.ShouldBe("off");

        bench.ReadRoot("sys/class/devfreq/17000000.gpu/governor").ShouldBe("performance\n");
        bench.ReadRoot("sys/class/devfreq/17000000.gpu/device/railgate_enable").ShouldBe("0\n");
    }
}
