using Aura.Core.Events;
using Aura.Storage.Dvr;
using Aura.Storage.Events;
using Aura.Storage.Tests.Support;

namespace Aura.Storage.Tests.Files;

/// <summary>Databases may hold secrets: they, their WAL, SHM and lock files are created for their owner only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-private-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task EventLog_NewFile_AndItsWalShmAndLock_AreOwnerOnly()
    {
        var path = Path.Combine(_directory.FullName, "events.sqlite");
        using var log = EventLog.Open(new EventLogOptions { Path = path, BackgroundRetention = false }, TimeProvider.System);
        await log.AppendAsync(new NewEvent("app", "start", EventLevel.Info, "secret token abc", 1_700_000_000_000_000, default), CancellationToken.None);

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".lock" })
        {
            File.Exists(file).ShouldBeTrue(file);
            File.GetUnixFileMode(file).ShouldBe(OwnerOnly, file);
        }
    }

    [Fact]
    public void Dvr_NewFile_AndItsWalShmAndLock_AreOwnerOnly()
    {
        var path = Path.Combine(_directory.FullName, "telemetry.sqlite");
        using var writer = DvrWriter.Open(new DvrOptions { Path = path, BackgroundFlush = false }, TimeProvider.System);
        writer.Append(Snapshots.At(Snapshots.Epoch, cpu: 0.5));
        writer.Flush();

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".lock" })
        {
            File.Exists(file).ShouldBeTrue(file);
            File.GetUnixFileMode(file).ShouldBe(OwnerOnly, file);
        }
    }

    [Fact]
    public void EventLog_ExistingWorldReadableFile_LosesOthersAccess_KeepsGroup()
    {
        var path = Path.Combine(_directory.FullName, "events.sqlite");
        using (EventLog.Open(new EventLogOptions { Path = path, BackgroundRetention = false }, TimeProvider.System))
        {
        }

        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using (EventLog.Open(new EventLogOptions { Path = path, BackgroundRetention = false }, TimeProvider.System))
        {
            File.GetUnixFileMode(path).ShouldBe(OwnerOnly | UnixFileMode.GroupRead);
        }
    }
}
