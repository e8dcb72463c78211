using Aura.Storage.Files;

namespace Aura.Storage.Tests.Files;

/// <summary>The limits a connection Aura opens carries.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-sqlite-file-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Open_Writer_CapsItsPageCache()
    {
        using var writer = SqliteFile.Open(Path.Combine(_directory.FullName, "w.sqlite"), readOnly: false);

        SqliteFile.Long(writer, "PRAGMA cache_size").ShouldBe(-SqliteFile.WriterCacheKib, "a negative cache_size is a limit in KiB");
    }
}
