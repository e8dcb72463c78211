using Aura.Telemetry.Jetson;

namespace Aura.Telemetry.Tests.Jetson;

public sealed class JetsonDetectorTests
{
    [Fact]
    public void Detect_OrinNanoJetPack6_ReadsEveryField()
    {
        var hardware = JetsonDetector.Detect(Fixtures.Root("jetson-orin-nano"));

        hardware.IsJetson.ShouldBeTrue();
        hardware.Model.ShouldBe("NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super");
        hardware.Soc.ShouldBe("tegra234");
        hardware.Codename.ShouldBe("Orin");
        hardware.Module.ShouldBe("p3767-0005");
        hardware.BoardId.ShouldBe("p3768-0000+p3767-0005-super");
        hardware.SerialNumber.ShouldBe("1421224034567");
        hardware.L4tVersion.ShouldBe("36.4.3");
        hardware.JetpackVersion.ShouldBe("6.2");
        hardware.CudaArch.ShouldBe("8.7");
        hardware.NvpmodelModes.ShouldBe([new NvpmodelMode(0, "15W"), new NvpmodelMode(1, "7W"), new NvpmodelMode(2, "MAXN_SUPER")]);
    }

    [Fact]
    public void Detect_NanoJetPack4_TakesModuleFromTheCarrierPair()
    {
        var hardware = JetsonDetector.Detect(Fixtures.Root("jetson-nano"));

        hardware.IsJetson.ShouldBeTrue();
        hardware.Model.ShouldBe("NVIDIA Jetson Nano Developer Kit");
        hardware.Soc.ShouldBe("tegra210");
        hardware.Codename.ShouldBe("Tegra X1");
        hardware.Module.ShouldBe("p3448-0000-b00");
        hardware.BoardId.ShouldBe("p3449-0000-b00+p3448-0000-b00");
        hardware.L4tVersion.ShouldBe("32.7.4");
        hardware.JetpackVersion.ShouldBe("4.6.4");
        hardware.CudaArch.ShouldBe("5.3");
        hardware.NvpmodelModes.ShouldBe([new NvpmodelMode(0, "MAXN"), new NvpmodelMode(1, "5W")]);
    }

    [Theory]
    [InlineData("dev-vm")]
    [InlineData("container")]
    [InlineData("arm-board")]
    public void Detect_NotAJetson_IsNone(string tree)
    {
        JetsonDetector.Detect(Fixtures.Root(tree)).ShouldBe(JetsonHardware.None);
    }

    [Fact]
    public void Detect_RaspberryPiDeviceTree_IsNotAJetson()
    {
        using var root = new JetsonTempRoot();
        root.Write("proc/device-tree/compatible", "raspberrypi,4-model-b\0brcm,bcm2711\0");
        root.Write("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");

        JetsonDetector.Detect(root.Path).IsJetson.ShouldBeFalse();
    }

    [Fact]
    public void Detect_ReleaseFileOnlyAndFuseChipId_FillsSocFromTheFuseAndBoardFromPluginIds()
    {
        using var root = new JetsonTempRoot();
        root.Write("etc/nv_tegra_release", "# R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023\n");
        root.Write("sys/module/tegra_fuse/parameters/tegra_chip_id", "25\n");
        root.Write("proc/device-tree/chosen/plugin-manager/ids", "2888-0004-400\u00002822-0000-300\u0000");

        var hardware = JetsonDetector.Detect(root.Path);

        hardware.IsJetson.ShouldBeTrue();
        hardware.Soc.ShouldBe("tegra194");
        hardware.CudaArch.ShouldBe("7.2");
        hardware.L4tVersion.ShouldBe("35.4.1");
        hardware.JetpackVersion.ShouldBe("5.1.2");
        hardware.BoardId.ShouldBe("2888-0004-400 2822-0000-300");
        hardware.Module.ShouldBe("");
        hardware.Model.ShouldBe("");
    }

    [Fact]
    public void Detect_UnknownRelease_LeavesJetPackEmpty()
    {
        using var root = new JetsonTempRoot();
        root.Write("etc/nv_tegra_release", "# R99 (release), REVISION: 1.0, GCID: 1\n");

        var hardware = JetsonDetector.Detect(root.Path);

        hardware.L4tVersion.ShouldBe("99.1.0");
        hardware.JetpackVersion.ShouldBe("");
    }

    [Theory]
    [InlineData("# R32 (release), REVISION: 4.3, GCID: 21589087", "32.4.3")]
    [InlineData("# R28 (release), REVISION: 2, GCID: 10567845", "28.2.0")]
    [InlineData("# R36 (release), REVISION: 4.4, GCID: 41062509, BOARD: generic", "36.4.4")]
    [InlineData("not a release line", "")]
    [InlineData("# Rx (release), REVISION: 4.3", "")]
    [InlineData("# R36 (release), REVISION: , GCID: 1", "")]
    public void L4tVersion_ReleaseLine_IsMajorAndRevision(string line, string expected)
    {
        JetsonDetector.L4tVersion(line).ShouldBe(expected);
    }

    [Fact]
    public void NvpmodelConf_BrokenLines_AreSkipped()
    {
        var modes = NvpmodelConf.Parse("< POWER_MODEL ID=x NAME=BAD >\n< POWER_MODEL NAME=NOID >\n<POWER_MODEL ID=3 NAME=OK>\n< POWER_MODEL ID=4 >\n");

        modes.ShouldBe([new NvpmodelMode(3, "OK")]);
    }
}
