namespace Aura.Telemetry.Tests.Linux;

/// <summary>A writable root for the I/O readers: a copy of a fixture tree, or empty, deleted on dispose.</summary>
internal sealed class IoTempRoot : IDisposable
{
    private IoTempRoot(string path) => Path = path;

    public string Path { get; }

    public static IoTempRoot Empty()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aura-io-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new IoTempRoot(path);
    }

    public static IoTempRoot CopyOf(string fixture)
    {
        var root = Empty();
        var source = Fixtures.Root(fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Join(root.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }

    /// <summary>Writes a file under the root, creating its directories.</summary>
    public string Write(string relativePath, string content)
    {
        var path = System.IO.Path.Join(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void CreateDirectory(string relativePath) => Directory.CreateDirectory(System.IO.Path.Join(Path, relativePath));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
