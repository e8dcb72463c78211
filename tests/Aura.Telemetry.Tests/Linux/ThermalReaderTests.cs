using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class ThermalReaderTests
{
    [Fact]
    public void Read_ManyCores_ZonesThenHwmonWithStableIds()
    {
        var sensors = new ThermalReader(Fixtures.Root("many-cores")).Read().Sensors;

        // Two hwmon devices are named "nvme", so both carry their hwmon directory; hwmon4 (BAT0) has no temperatures.
        sensors.Select(s => s.Id).ShouldBe(
        [
            "thermal/thermal_zone0", "thermal/thermal_zone1", "thermal/thermal_zone2",
            "hwmon/acpitz/temp1",
            "hwmon/nvme@hwmon1/temp1", "hwmon/nvme@hwmon1/temp2",
            "hwmon/coretemp/temp1", "hwmon/coretemp/temp2", "hwmon/coretemp/temp3", "hwmon/coretemp/temp6", "hwmon/coretemp/temp10",
            "hwmon/nvme@hwmon3/temp1",
        ]);
    }

    [Fact]
    public void Read_ThermalZones_LabelFromTypeAndLimitsFromTripPoints()
    {
        var sensors = new ThermalReader(Fixtures.Root("many-cores")).Read().Sensors;

        // acpitz: lowest passive trip as high; TCPU: the hot trip wins over passive; x86_pkg_temp: trips at 0 mean none.
        sensors[0].ShouldBe(new TemperatureSensor("thermal/thermal_zone0", "acpitz", 27.8, 95, 119));
        sensors[1].ShouldBe(new TemperatureSensor("thermal/thermal_zone1", "x86_pkg_temp", 53, null, null));
        sensors[2].ShouldBe(new TemperatureSensor("thermal/thermal_zone2", "TCPU", 52.5, 100, 105));
    }

    [Fact]
    public void Read_Hwmon_LabelsAndLimits()
    {
        var byId = new ThermalReader(Fixtures.Root("many-cores")).Read().Sensors.ToDictionary(s => s.Id);

        byId["hwmon/acpitz/temp1"].ShouldBe(new TemperatureSensor("hwmon/acpitz/temp1", "acpitz temp1", 27.8, null, 119));
        byId["hwmon/nvme@hwmon1/temp1"].ShouldBe(new TemperatureSensor("hwmon/nvme@hwmon1/temp1", "Composite", 38.85, 81.85, 84.85));
        // NVMe reports 65261.85 °C as "no maximum".
        byId["hwmon/nvme@hwmon1/temp2"].ShouldBe(new TemperatureSensor("hwmon/nvme@hwmon1/temp2", "Sensor 1", 38.85, null, null));
        byId["hwmon/coretemp/temp1"].ShouldBe(new TemperatureSensor("hwmon/coretemp/temp1", "Package id 0", 53, 100, 100));
        byId["hwmon/nvme@hwmon3/temp1"].ShouldBe(new TemperatureSensor("hwmon/nvme@hwmon3/temp1", "Composite", 34.85, 79.85, 82.85));
    }

    [Fact]
    public void Read_ManyCores_HottestIsCore4()
    {
        var hottest = new ThermalReader(Fixtures.Root("many-cores")).Read().Hottest;

        hottest.ShouldNotBeNull();
        hottest.Value.Id.ShouldBe("hwmon/coretemp/temp3");
        hottest.Value.Label.ShouldBe("Core 4");
        hottest.Value.Celsius.ShouldBe(58);
    }

    [Fact]
    public void Read_Malformed_DropsUnreadableAndOutOfRangeReadings()
    {
        // Dropped: "N/A", empty, -256000, 9999000, a zone without temp, 255000, "-12x", and tempX_input.
        var sensors = new ThermalReader(Fixtures.Root("malformed")).Read().Sensors;

        sensors.ShouldBe(
        [
            new TemperatureSensor("thermal/thermal_zone4", "good-zone", 41, null, null),
            new TemperatureSensor("hwmon/broken/temp3", "broken temp3", 30.5, null, null),
        ]);
    }

    [Theory]
    [InlineData("dev-vm")]
    [InlineData("container")]
    public void Read_NoSensors_EmptyWithoutHottest(string fixture)
    {
        var thermal = new ThermalReader(Fixtures.Root(fixture)).Read();

        thermal.Sensors.ShouldBeEmpty();
        thermal.Hottest.ShouldBeNull();
    }

    [Theory]
    [InlineData("-40000", -40.0)]
    [InlineData("200000", 200.0)]
    [InlineData("-40001", null)]
    [InlineData("200001", null)]
    [InlineData("255000", null)]
    public void Read_RangeEdges_KeptInsideDroppedOutside(string millidegrees, double? expected)
    {
        using var root = IoTempRoot.Empty();
        root.Write("sys/class/thermal/thermal_zone0/temp", millidegrees + "\n");

        var sensors = new ThermalReader(root.Path).Read().Sensors;

        sensors.Select(s => (double?)s.Celsius).ShouldBe(expected is null ? [] : [expected]);
    }

    [Fact]
    public void Read_HwmonDirectoriesAreSymlinks_Followed()
    {
        using var root = IoTempRoot.Empty();
        root.Write("sys/devices/platform/coretemp.0/hwmon/hwmon7/name", "coretemp\n");
        root.Write("sys/devices/platform/coretemp.0/hwmon/hwmon7/temp1_input", "61000\n");
        root.CreateDirectory("sys/class/hwmon");
        File.CreateSymbolicLink(
            Path.Join(root.Path, "sys/class/hwmon/hwmon7"), "../../devices/platform/coretemp.0/hwmon/hwmon7");

        var sensor = new ThermalReader(root.Path).Read().Sensors.ShouldHaveSingleItem();

        sensor.ShouldBe(new TemperatureSensor("hwmon/coretemp/temp1", "coretemp temp1", 61, null, null));
    }

    [Fact]
    public void Read_TemperatureChanges_ReadEveryTime()
    {
        using var root = IoTempRoot.Empty();
        root.Write("sys/class/thermal/thermal_zone0/temp", "40000\n");
        var reader = new ThermalReader(root.Path);
        reader.Read();
        root.Write("sys/class/thermal/thermal_zone0/temp", "45500\n");

        reader.Read().Sensors.ShouldHaveSingleItem().Celsius.ShouldBe(45.5);
    }

    [Fact]
    public void Read_SensorAdded_FoundAtTheNextDiscovery()
    {
        using var root = IoTempRoot.Empty();
        root.Write("sys/class/thermal/thermal_zone0/temp", "40000\n");
        var reader = new ThermalReader(root.Path);
        reader.Read();
        root.Write("sys/class/hwmon/hwmon0/name", "nvme\n");
        root.Write("sys/class/hwmon/hwmon0/temp1_input", "35000\n");

        // Reads 2 .. RediscoverEvery use the first discovery; the next one walks the directories again.
        for (var read = 2; read <= ThermalReader.RediscoverEvery; read++)
        {
            reader.Read().Sensors.Length.ShouldBe(1);
        }

        reader.Read().Sensors.Select(s => s.Id).ShouldBe(["thermal/thermal_zone0", "hwmon/nvme/temp1"]);
    }

    [Fact]
    public void Read_ZonesNumberedPastNine_InNumericOrder()
    {
        using var root = IoTempRoot.Empty();
        foreach (var zone in (int[])[10, 2, 1])
        {
            root.Write($"sys/class/thermal/thermal_zone{zone}/temp", "30000\n");
        }

        new ThermalReader(root.Path).Read().Sensors.Select(s => s.Id)
            .ShouldBe(["thermal/thermal_zone1", "thermal/thermal_zone2", "thermal/thermal_zone10"]);
    }
}
