using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class FilesystemReaderTests
{
    private static readonly FilesystemStats AnySize = new(TotalBytes: 1_000_000, FreeBytes: 400_000, AvailableBytes: 350_000);

    [Fact]
    public void Read_ManyCoresMounts_KeepsOnlyUserFilesystems()
    {
        var root = Fixtures.Root("many-cores");

        var filesystems = new FilesystemReader(root, new FakeFilesystemStats(root, AnySize)).Read();

        // Skipped: kernel and memory filesystems, snap squashfs, docker's layer overlay, desktop FUSE helpers,
        // and bind mounts of nvme0n1p2 and nvme1n1p1 under longer paths.
        filesystems.Select(f => (f.Device, f.MountPoint, f.FsType)).ShouldBe(
        [
            ("/dev/nvme0n1p2", "/", "ext4"),
            ("/dev/nvme0n1p1", "/boot/efi", "vfat"),
            ("/dev/nvme1n1p1", "/home", "ext4"),
            ("/dev/sda1", "/media/alex/Backup Disk", "ext4"),
            ("nas.lan:/volume1/media", "/mnt/media", "nfs4"),
            ("/dev/sdb1", "/media/alex/CARD", "vfat"),
        ]);
    }

    [Fact]
    public void Read_DevVm_ReportsTheRootDiskOnly()
    {
        var root = Fixtures.Root("dev-vm");

        var filesystems = new FilesystemReader(root, new FakeFilesystemStats(root, AnySize)).Read();

        filesystems.Select(f => (f.Device, f.MountPoint, f.FsType)).ShouldBe([("/dev/vda", "/", "ext4")]);
    }

    [Fact]
    public void Read_ContainerRoot_KeepsOverlayRootAndOneEntryForTheVolumeDevice()
    {
        var root = Fixtures.Root("container");

        var filesystems = new FilesystemReader(root, new FakeFilesystemStats(root, AnySize)).Read();

        // /etc/hosts, /etc/hostname and /etc/resolv.conf are bind mounts of the /data device.
        filesystems.Select(f => (f.Device, f.MountPoint, f.FsType)).ShouldBe(
        [
            ("overlay", "/", "overlay"),
            ("/dev/nvme0n1p2", "/data", "ext4"),
        ]);
    }

    [Fact]
    public void Read_BindMountsOfOneDevice_KeepsTheShortestMountPoint()
    {
        using var root = IoTempRoot.Empty();
        root.Write("proc/self/mounts", """
            /dev/sdb1 /srv/export/photos ext4 rw 0 0
            /dev/sdb1 /photos ext4 rw 0 0
            /dev/sdb1 /home/alex/photos ext4 rw 0 0
            """);

        var filesystems = new FilesystemReader(root.Path, new FakeFilesystemStats(root.Path, AnySize)).Read();

        filesystems.Select(f => f.MountPoint).ShouldBe(["/photos"]);
    }

    [Fact]
    public void Read_OctalEscapesInMountPoint_Decoded()
    {
        using var root = IoTempRoot.Empty();
        root.Write("proc/self/mounts", """
            /dev/sdc1 /media/My\040Disk\011Tab\134Back ext4 rw 0 0
            /dev/sdd1 /media/Fotos\303\244 vfat rw 0 0
            """);

        var filesystems = new FilesystemReader(root.Path, new FakeFilesystemStats(root.Path, AnySize)).Read();

        // \303\244 are the two UTF-8 bytes of 'ä'.
        filesystems.Select(f => f.MountPoint).ShouldBe(["/media/My Disk\tTab\\Back", "/media/Fotosä"]);
    }

    [Fact]
    public void Read_SameMountPointMountedTwice_ReportsTheTopmostMount()
    {
        using var root = IoTempRoot.Empty();
        root.Write("proc/self/mounts", """
            /dev/sdb1 /mnt ext4 rw 0 0
            /dev/sdc1 /mnt xfs rw 0 0
            """);

        var filesystems = new FilesystemReader(root.Path, new FakeFilesystemStats(root.Path, AnySize)).Read();

        filesystems.Select(f => (f.Device, f.MountPoint)).ShouldBe([("/dev/sdc1", "/mnt")]);
    }

    [Fact]
    public void Read_Sizes_UsedIsTotalMinusFreeAsDfShows()
    {
        using var root = IoTempRoot.Empty();
        root.Write("proc/self/mounts", "/dev/sda1 / ext4 rw 0 0\n");
        var stats = new FakeFilesystemStats(root.Path).Set("/", new FilesystemStats(TotalBytes: 1000, FreeBytes: 300, AvailableBytes: 250));

        var usage = new FilesystemReader(root.Path, stats).Read().ShouldHaveSingleItem();

        // 50 bytes are reserved for root: free but not available, and counted as used.
        usage.TotalBytes.ShouldBe(1000);
        usage.FreeBytes.ShouldBe(300);
        usage.AvailableBytes.ShouldBe(250);
        usage.UsedBytes.ShouldBe(700);
        usage.UsedRatio.ShouldBe(0.7);
    }

    [Fact]
    public void Read_StatsQueriedAtTheMountPointUnderTheRoot()
    {
        var root = Fixtures.Root("container");
        var stats = new FakeFilesystemStats(root, AnySize);

        new FilesystemReader(root, stats).Read();

        stats.Queried.ShouldBe([root.TrimEnd('/') + "/", root.TrimEnd('/') + "/data"]);
    }

    [Fact]
    public void Read_ZeroSizeOrUnqueryableFilesystems_Skipped()
    {
        var root = Fixtures.Root("many-cores");
        var stats = new FakeFilesystemStats(root)
            .Set("/", AnySize)
            .Set("/boot/efi", AnySize)
            .Set("/home", AnySize)
            .Set("/media/alex/Backup Disk", AnySize)
            .Set("/media/alex/CARD", new FilesystemStats(0, 0, 0));

        var filesystems = new FilesystemReader(root, stats).Read();

        // The card reports size 0 and the NFS share (/mnt/media) cannot be queried.
        filesystems.Select(f => f.MountPoint).ShouldBe(["/", "/boot/efi", "/home", "/media/alex/Backup Disk"]);
    }

    [Fact]
    public void Read_SelfMountsMissing_FallsBackToProcMounts()
    {
        using var root = IoTempRoot.Empty();
        root.Write("proc/mounts", "/dev/sda1 / ext4 rw 0 0\n");

        var filesystems = new FilesystemReader(root.Path, new FakeFilesystemStats(root.Path, AnySize)).Read();

        filesystems.Select(f => f.Device).ShouldBe(["/dev/sda1"]);
    }

    [Fact]
    public void Read_NoMountTable_Empty()
    {
        using var root = IoTempRoot.Empty();

        new FilesystemReader(root.Path, new FakeFilesystemStats(root.Path, AnySize)).Read().ShouldBeEmpty();
    }

    [Fact]
    public void Read_MountTableChanged_NewMountReported()
    {
        using var root = IoTempRoot.Empty();
        root.Write("proc/self/mounts", "/dev/sda1 / ext4 rw 0 0\n");
        var reader = new FilesystemReader(root.Path, new FakeFilesystemStats(root.Path, AnySize));
        reader.Read().Length.ShouldBe(1);

        root.Write("proc/self/mounts", "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /mnt/usb exfat rw 0 0\n");

        reader.Read().Select(f => f.MountPoint).ShouldBe(["/", "/mnt/usb"]);
    }

    [Fact]
    public void Read_MalformedMounts_SkipsBrokenLinesAndKeepsInvalidEscapesLiterally()
    {
        var root = Fixtures.Root("malformed");

        var filesystems = new FilesystemReader(root, new FakeFilesystemStats(root, AnySize)).Read();

        // Dropped: a lone word, a two-field line, a relative mount point, an empty line, a line cut off mid-way.
        filesystems.Select(f => f.MountPoint).ShouldBe(["/", @"/mnt/bad\04", @"/mnt/odd\999", @"/mnt/tail\"]);
    }
}
