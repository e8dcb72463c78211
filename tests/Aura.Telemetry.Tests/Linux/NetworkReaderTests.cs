using System.Runtime.CompilerServices;
using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class NetworkReaderTests
{
    private const string Header = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed

        """;

    [Fact]
    public void Read_ManyCoresFirstRead_CountersWithoutRates()
    {
        var network = new NetworkReader(Fixtures.Root("many-cores")).Read(Fixtures.At(0));

        network.Interfaces.Select(i => i.Name).ShouldBe(["lo", "eth0", "wlan0", "docker0"]);
        // "eth0:8123456789": the byte count touches the colon.
        network.Interfaces[1].Totals.ShouldBe(new NetCounters(
            RxBytes: 8_123_456_789, TxBytes: 987_654_321, RxPackets: 9_876_543, TxPackets: 5_432_109,
            RxErrors: 1, TxErrors: 3, RxDrops: 2, TxDrops: 4));
        network.Interfaces.ShouldAllBe(i => i.Rates == null);
        network.Total.Rates.ShouldBeNull();
    }

    [Fact]
    public void Read_ManyCores_TotalSumsEveryInterfaceButLoopback()
    {
        var total = new NetworkReader(Fixtures.Root("many-cores")).Read(Fixtures.At(0)).Total;

        // eth0 + wlan0 + docker0, by hand.
        total.Name.ShouldBe("total");
        total.Totals.ShouldBe(new NetCounters(
            RxBytes: 8_179_023_567, TxBytes: 996_430_976, RxPackets: 9_944_597, TxPackets: 5_444_397,
            RxErrors: 1, TxErrors: 3, RxDrops: 12, TxDrops: 9));
    }

    [Fact]
    public void Read_SecondRead_RatesOverTheElapsedTime()
    {
        using var root = IoTempRoot.Empty();
        var reader = new NetworkReader(root.Path);
        WriteDev(root, "  eth0: 1000 10 0 0 0 0 0 0 5000 50 0 0 0 0 0 0");
        reader.Read(Fixtures.At(100));
        WriteDev(root, "  eth0: 9000 30 0 0 0 0 0 0 5400 58 0 0 0 0 0 0");

        var eth0 = reader.Read(Fixtures.At(104)).Interfaces.ShouldHaveSingleItem();

        // Over 4 s: 8000 bytes and 20 packets in, 400 bytes and 8 packets out.
        eth0.Rates.ShouldBe(new NetRates(RxBytesPerSecond: 2000, TxBytesPerSecond: 100, RxPacketsPerSecond: 5, TxPacketsPerSecond: 2));
    }

    [Fact]
    public void Read_LoopbackTraffic_NotInTheTotal()
    {
        using var root = IoTempRoot.Empty();
        var reader = new NetworkReader(root.Path);
        WriteDev(root, "    lo: 1000000 1000 0 0 0 0 0 0 1000000 1000 0 0 0 0 0 0\n  eth0: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0");
        reader.Read(Fixtures.At(0));
        WriteDev(root, "    lo: 3000000 3000 0 0 0 0 0 0 3000000 3000 0 0 0 0 0 0\n  eth0: 300 3 0 0 0 0 0 0 500 5 0 0 0 0 0 0");

        var network = reader.Read(Fixtures.At(2));

        network.Total.Totals.RxBytes.ShouldBe(300);
        network.Total.Rates.ShouldBe(new NetRates(100, 200, 1, 2));
        network.Interfaces[0].Rates!.Value.RxBytesPerSecond.ShouldBe(1_000_000);
    }

    [Fact]
    public void Read_InterfaceWithoutRate_TotalRateSumsTheOthers()
    {
        using var root = IoTempRoot.Empty();
        var reader = new NetworkReader(root.Path);
        WriteDev(root, "  eth0: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0\n wlan0: 1000 10 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        reader.Read(Fixtures.At(0));
        WriteDev(root, """
              eth0: 200 2 0 0 0 0 0 0 100 1 0 0 0 0 0 0
             wlan0: 1500 12 0 0 0 0 0 0 50 1 0 0 0 0 0 0
            veth3a1f: 7000 70 0 0 0 0 0 0 7000 70 0 0 0 0 0 0
            """);

        var network = reader.Read(Fixtures.At(1));

        // veth3a1f is new: no rate of its own, and it adds nothing to the total rate this tick.
        network.Interfaces[2].Rates.ShouldBeNull();
        network.Total.Rates.ShouldBe(new NetRates(RxBytesPerSecond: 600, TxBytesPerSecond: 50, RxPacketsPerSecond: 3, TxPacketsPerSecond: 1));
        network.Total.Totals.RxBytes.ShouldBe(8700);
    }

    [Fact]
    public void Read_CounterReset_NoRatesThenRatesFromTheNewBase()
    {
        using var root = IoTempRoot.Empty();
        var reader = new NetworkReader(root.Path);
        WriteDev(root, "  eth0: 90000 900 0 0 0 0 0 0 90000 900 0 0 0 0 0 0");
        reader.Read(Fixtures.At(0));
        WriteDev(root, "  eth0: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0");
        var reset = reader.Read(Fixtures.At(1));
        WriteDev(root, "  eth0: 600 6 0 0 0 0 0 0 100 1 0 0 0 0 0 0");

        var after = reader.Read(Fixtures.At(2));

        reset.Interfaces[0].Rates.ShouldBeNull();
        reset.Total.Rates.ShouldBeNull();
        after.Interfaces[0].Rates.ShouldBe(new NetRates(500, 0, 5, 0));
    }

    [Fact]
    public void Read_NamesTouchingOrContainingColons_Parsed()
    {
        using var root = IoTempRoot.Empty();
        WriteDev(root, "eth0:123 4 0 0 0 0 0 0 567 8 0 0 0 0 0 0\neth0:1: 5 1 0 0 0 0 0 0 6 1 0 0 0 0 0 0");

        var interfaces = new NetworkReader(root.Path).Read(Fixtures.At(0)).Interfaces;

        interfaces.Select(i => (i.Name, i.Totals.RxBytes, i.Totals.TxBytes)).ShouldBe([("eth0", 123L, 567L), ("eth0:1", 5L, 6L)]);
    }

    [Fact]
    public void Read_Container_LoopbackAndEth0()
    {
        var network = new NetworkReader(Fixtures.Root("container")).Read(Fixtures.At(0));

        network.Interfaces.Select(i => i.Name).ShouldBe(["lo", "eth0"]);
        network.Total.Totals.RxBytes.ShouldBe(18_223_344);
        network.Total.Totals.TxBytes.ShouldBe(902_211);
    }

    [Fact]
    public void Read_Malformed_SkipsBadLinesWithoutThrowing()
    {
        // Truncated, non-numeric, colon-less, nameless, negative and cut-off lines are dropped.
        var network = new NetworkReader(Fixtures.Root("malformed")).Read(Fixtures.At(0));

        network.Interfaces.Select(i => i.Name).ShouldBe(["lo", "eth1"]);
        network.Total.Totals.ShouldBe(new NetCounters(1000, 2000, 10, 20, 0, 0, 0, 0));
    }

    [Fact]
    public void Read_MissingFile_Empty()
    {
        using var root = IoTempRoot.Empty();

        new NetworkReader(root.Path).Read(Fixtures.At(0)).ShouldBe(NetworkSection.Empty);
    }

    [Fact]
    public void Read_SteadyState_ReusesTheSameNameInstance()
    {
        var reader = new NetworkReader(Fixtures.Root("many-cores"));

        var first = reader.Read(Fixtures.At(0));
        var second = reader.Read(Fixtures.At(1));

        ReferenceEquals(first.Interfaces[3].Name, second.Interfaces[3].Name).ShouldBeTrue();
    }

    [Fact]
    public void Read_SteadyState_AllocatesOnlyTheResult()
    {
        var root = Fixtures.Root("many-cores");
        var reader = new NetworkReader(root);
        for (var i = 0; i < 3; i++)
        {
            reader.Read(Fixtures.At(i));
        }

        var read = Allocated(() => reader.Read(Fixtures.At(3)));

        // net/dev stays open between reads, so only the 4-interface array and the section are new.
        var result = 24 + (4 * Unsafe.SizeOf<InterfaceSample>()) + SectionSize;
        read.ShouldBeLessThanOrEqualTo(result);
    }

    /// <summary>NetworkSection: object header and method table (16), the array reference (8), the total sample inline.</summary>
    private static int SectionSize => 24 + Unsafe.SizeOf<InterfaceSample>();

    private static long Allocated(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void WriteDev(IoTempRoot root, string lines) => root.Write("proc/net/dev", Header + lines + "\n");
}
