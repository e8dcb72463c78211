namespace Aura.Storage.Tests.Support;

/// <summary>A temp directory holding one DVR file, deleted (with its -wal, -shm and .lock) when the test ends.</summary>
public sealed class TempDvr : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aura-dvr-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "telemetry.sqlite");

    public string Sibling(string name) => System.IO.Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
