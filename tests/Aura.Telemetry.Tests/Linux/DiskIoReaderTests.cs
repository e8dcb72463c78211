using System.Runtime.CompilerServices;
using Aura.Core.Model;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class DiskIoReaderTests
{
    [Fact]
    public void Read_ManyCores_ExcludesPartitionsLoopZramAndNeverUsedDisks()
    {
        var disks = new DiskIoReader(Fixtures.Root("many-cores")).Read(Fixtures.At(0));

        // sdb (an empty card reader) has done no I/O since boot; loop*, zram0 and the partitions are not disks.
        disks.Select(d => d.Device).ShouldBe(["nvme0n1", "nvme1n1", "sda"]);
    }

    [Fact]
    public void Read_FirstRead_TotalsInBytesWithoutRates()
    {
        var disks = new DiskIoReader(Fixtures.Root("many-cores")).Read(Fixtures.At(0));

        var nvme = disks[0];
        nvme.ReadOpsTotal.ShouldBe(1843211);
        nvme.ReadBytesTotal.ShouldBe(49_262_248_960);   // 96215330 sectors × 512
        nvme.WriteOpsTotal.ShouldBe(2998123);
        nvme.WriteBytesTotal.ShouldBe(104_669_067_264); // 204431772 sectors × 512
        disks.ShouldAllBe(d => d.ReadBytesPerSecond == null && d.WriteBytesPerSecond == null
            && d.ReadOpsPerSecond == null && d.WriteOpsPerSecond == null && d.BusyRatio == null);
    }

    [Fact]
    public void Read_DevVm_ReportsTheVirtioDiskOnly()
    {
        var disk = new DiskIoReader(Fixtures.Root("dev-vm")).Read(Fixtures.At(0)).ShouldHaveSingleItem();

        disk.Device.ShouldBe("vda");
        disk.ReadOpsTotal.ShouldBe(6207);
        disk.ReadBytesTotal.ShouldBe(469_120_000);     // 916250 × 512
        disk.WriteOpsTotal.ShouldBe(4067);
        disk.WriteBytesTotal.ShouldBe(2_017_878_016);  // 3941168 × 512
    }

    [Fact]
    public void Read_SecondRead_RatesOverTheElapsedTime()
    {
        using var root = DiskRoot("sda");
        var reader = new DiskIoReader(root.Path);
        WriteStats(root, "   8       0 sda 1000 0 8000 0 500 0 4000 0 0 1000 0 0 0 0 0 0 0");
        reader.Read(Fixtures.At(10));
        WriteStats(root, "   8       0 sda 1400 0 12000 0 700 0 6000 0 0 2500 0 0 0 0 0 0 0");

        var disk = reader.Read(Fixtures.At(12)).ShouldHaveSingleItem();

        // Over 2 s: 400 reads, 4000 sectors read, 200 writes, 2000 sectors written, 1500 ms busy.
        disk.ReadOpsPerSecond.ShouldBe(200);
        disk.ReadBytesPerSecond.ShouldBe(1_024_000);
        disk.WriteOpsPerSecond.ShouldBe(100);
        disk.WriteBytesPerSecond.ShouldBe(512_000);
        disk.BusyRatio.ShouldBe(0.75);
    }

    [Fact]
    public void Read_IoTicksBeyondTheElapsedTime_BusyCappedAtOne()
    {
        using var root = DiskRoot("sda");
        var reader = new DiskIoReader(root.Path);
        WriteStats(root, "   8       0 sda 10 0 80 0 10 0 80 0 0 1000 0");
        reader.Read(Fixtures.At(0));
        WriteStats(root, "   8       0 sda 20 0 160 0 20 0 160 0 0 3100 0");

        reader.Read(Fixtures.At(2)).ShouldHaveSingleItem().BusyRatio.ShouldBe(1.0);
    }

    [Fact]
    public void Read_CounterReset_NoRatesThenRatesFromTheNewBase()
    {
        using var root = DiskRoot("sda");
        var reader = new DiskIoReader(root.Path);
        WriteStats(root, "   8       0 sda 5000 0 40000 0 5000 0 40000 0 0 9000 0");
        reader.Read(Fixtures.At(0));
        WriteStats(root, "   8       0 sda 10 0 80 0 10 0 80 0 0 20 0");

        var reset = reader.Read(Fixtures.At(1)).ShouldHaveSingleItem();
        WriteStats(root, "   8       0 sda 20 0 160 0 10 0 80 0 0 520 0");
        var after = reader.Read(Fixtures.At(2)).ShouldHaveSingleItem();

        reset.ReadBytesPerSecond.ShouldBeNull();
        reset.BusyRatio.ShouldBeNull();
        reset.ReadOpsTotal.ShouldBe(10);
        after.ReadOpsPerSecond.ShouldBe(10);
        after.ReadBytesPerSecond.ShouldBe(40_960); // 80 sectors × 512 in 1 s
        after.WriteOpsPerSecond.ShouldBe(0);
        after.BusyRatio.ShouldBe(0.5);
    }

    [Fact]
    public void Read_DiskAppearsLater_ItsFirstReadHasNoRates()
    {
        using var root = DiskRoot("sda", "sdb");
        var reader = new DiskIoReader(root.Path);
        WriteStats(root, "   8       0 sda 10 0 80 0 10 0 80 0 0 20 0");
        reader.Read(Fixtures.At(0));
        WriteStats(root, "   8       0 sda 20 0 80 0 10 0 80 0 0 20 0\n   8      16 sdb 5 0 40 0 0 0 0 0 0 8 0");

        var disks = reader.Read(Fixtures.At(1));

        disks.Select(d => (d.Device, d.ReadOpsPerSecond)).ShouldBe([("sda", 10.0), ("sdb", (double?)null)]);
    }

    [Fact]
    public void Read_NameWithSlash_MatchedToItsSysBlockSpelling()
    {
        using var root = IoTempRoot.Empty();
        root.CreateDirectory("sys/block/cciss!c0d0");
        WriteStats(root, " 104       0 cciss/c0d0 10 0 80 0 10 0 80 0 0 20 0\n 104       1 cciss/c0d0p1 10 0 80 0 10 0 80 0 0 20 0");

        new DiskIoReader(root.Path).Read(Fixtures.At(0)).Select(d => d.Device).ShouldBe(["cciss/c0d0"]);
    }

    [Fact]
    public void Read_Malformed_SkipsBadLinesWithoutThrowing()
    {
        // Truncated, non-numeric, overflowing, negative and cut-off lines are dropped; only sdc is whole.
        var disk = new DiskIoReader(Fixtures.Root("malformed")).Read(Fixtures.At(0)).ShouldHaveSingleItem();

        disk.Device.ShouldBe("sdc");
        disk.ReadBytesTotal.ShouldBe(409_600);
        disk.WriteBytesTotal.ShouldBe(204_800);
    }

    [Fact]
    public void Read_MissingDiskstats_Empty()
    {
        using var root = IoTempRoot.Empty();

        new DiskIoReader(root.Path).Read(Fixtures.At(0)).ShouldBeEmpty();
    }

    [Fact]
    public void Read_SteadyState_ReusesTheSameNameInstance()
    {
        var reader = new DiskIoReader(Fixtures.Root("many-cores"));

        var first = reader.Read(Fixtures.At(0));
        var second = reader.Read(Fixtures.At(1));

        ReferenceEquals(first[0].Device, second[0].Device).ShouldBeTrue();
    }

    [Fact]
    public void Read_SteadyState_AllocatesOnlyTheResult()
    {
        var root = Fixtures.Root("many-cores");
        var reader = new DiskIoReader(root);
        for (var i = 0; i < 3; i++)
        {
            reader.Read(Fixtures.At(i));
        }

        var read = Allocated(() => reader.Read(Fixtures.At(3)));

        // diskstats stays open between reads, so only the 3-element result array is new.
        var resultArray = 24 + (3 * Unsafe.SizeOf<DiskIo>());
        read.ShouldBeLessThanOrEqualTo(resultArray);
    }

    private static long Allocated(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static IoTempRoot DiskRoot(params string[] disks)
    {
        var root = IoTempRoot.Empty();
        foreach (var disk in disks)
        {
            root.CreateDirectory($"sys/block/{disk}");
        }

        return root;
    }

    private static void WriteStats(IoTempRoot root, string diskstats) => root.Write("proc/diskstats", diskstats + "\n");
}
