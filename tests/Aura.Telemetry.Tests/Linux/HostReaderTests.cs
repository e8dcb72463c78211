using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class HostReaderTests
{
    [Fact]
    public void Read_DevVm_ReportsCapturedIdentity()
    {
        var host = new HostReader(Fixtures.Root("dev-vm")).Read();

        host.ShouldBe(new HostInfo(
            Hostname: "vm",
            Os: "Debian GNU/Linux 12 (bookworm)",
            Kernel: "6.18.44-fc-v669",
            UptimeSeconds: 3430.66,
            BootTime: new DateTimeOffset(2026, 11, 21, 23, 2, 40, TimeSpan.Zero), // btime 1795302160
            CpuModel: "Intel(R) Xeon(R) Processor",
            CpuCount: 2));
    }

    [Fact]
    public void Read_ManyCores_CountsOfflineCpusAsPresent()
    {
        var host = new HostReader(Fixtures.Root("many-cores")).Read();

        // cpuinfo lists the 56 online CPUs; sysfs present says 0-63.
        host.CpuCount.ShouldBe(64);
        host.CpuModel.ShouldBe("AMD EPYC 7543 32-Core Processor");
        host.Os.ShouldBe("Ubuntu 24.04.1 LTS");
        host.BootTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1700000000));
    }

    [Fact]
    public void Read_ArmBoardWithoutModelName_UsesTheBoardModel()
    {
        var host = new HostReader(Fixtures.Root("arm-board")).Read();

        host.CpuModel.ShouldBe("Raspberry Pi 4 Model B Rev 1.4");
        host.CpuCount.ShouldBe(4);
        host.Kernel.ShouldBe("6.6.51+rpt-rpi-v8");
    }

    [Fact]
    public void Read_CpuinfoWithOnlyHardware_UsesHardware()
    {
        using var tree = new HostTestTree();
        tree.Write("proc/cpuinfo", "processor\t: 0\nmodel\t\t: 1\nprocessor\t: 1\n\nHardware\t: BCM2711\nRevision\t: c03114\n");

        var host = new HostReader(tree.Root).Read();

        host.CpuModel.ShouldBe("BCM2711");
        host.CpuCount.ShouldBe(2); // no sysfs: the processors of cpuinfo
    }

    [Fact]
    public void Read_ContainerWithoutSysfs_CountsCpusFromCpuinfo()
    {
        var host = new HostReader(Fixtures.Root("container")).Read();

        host.Hostname.ShouldBe("3f2a9c1b7e4d");
        host.Os.ShouldBe("Alpine Linux v3.20");
        host.CpuCount.ShouldBe(4);
        host.UptimeSeconds.ShouldBe(125678.91);
    }

    [Fact]
    public void Read_MalformedTree_FallsBackWithoutThrowing()
    {
        var host = new HostReader(Fixtures.Root("malformed")).Read();

        host.ShouldBe(new HostInfo(
            Hostname: "unknown",
            Os: "Linux",
            Kernel: "unknown",
            UptimeSeconds: 0,
            BootTime: null,
            CpuModel: "unknown",
            CpuCount: 4));
    }

    [Fact]
    public void Read_EmptyRoot_FallsBackWithoutThrowing()
    {
        using var tree = new HostTestTree();

        var host = new HostReader(tree.Root).Read();

        host.ShouldBe(new HostInfo("unknown", "Linux", "unknown", 0, null, "unknown", 0));
    }

    [Fact]
    public void Read_Again_UptimeAndHostnameAreFresh()
    {
        using var tree = new HostTestTree("dev-vm");
        var reader = new HostReader(tree.Root);
        reader.Read();

        tree.CopyFrom("dev-vm-later", "proc/uptime");
        tree.Write("proc/sys/kernel/hostname", "renamed\n");
        var host = reader.Read();

        host.UptimeSeconds.ShouldBe(3431.66);
        host.Hostname.ShouldBe("renamed");
    }

    [Theory]
    [InlineData("PRETTY_NAME='Fedora Linux 40 (Workstation Edition)'\n", "Fedora Linux 40 (Workstation Edition)")]
    [InlineData("NAME=x\nPRETTY_NAME=\"Say \\\"hi\\\" \\\\o/\"\n", "Say \"hi\" \\o/")]
    [InlineData("PRETTY_NAME=Arch\n", "Arch")]
    [InlineData("PRETTY_NAME=\"\"\n", "Linux")]
    [InlineData("NAME=\"No pretty name\"\n", "Linux")]
    public void Read_OsRelease_UnquotesPrettyName(string osRelease, string expected)
    {
        using var tree = new HostTestTree();
        tree.Write("etc/os-release", osRelease);

        new HostReader(tree.Root).Read().Os.ShouldBe(expected);
    }

    [Fact]
    public void Read_OsReleaseOnlyUnderUsrLib_IsStillFound()
    {
        using var tree = new HostTestTree();
        tree.Write("usr/lib/os-release", "PRETTY_NAME=\"Fedora CoreOS 40\"\n");

        new HostReader(tree.Root).Read().Os.ShouldBe("Fedora CoreOS 40");
    }
}
