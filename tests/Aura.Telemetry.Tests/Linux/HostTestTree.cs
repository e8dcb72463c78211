namespace Aura.Telemetry.Tests.Linux;

/// <summary>A writable root in a temp directory, optionally a copy of a fixture tree, for tests that change files between reads.</summary>
internal sealed class HostTestTree : IDisposable
{
    public HostTestTree(string? fixture = null)
    {
        Root = Directory.CreateTempSubdirectory("aura-host-").FullName;
        if (fixture is not null)
        {
            var source = Fixtures.Root(fixture);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
            }
        }
    }

    public string Root { get; }

    /// <summary>Rewrites the file in place (same inode), as the kernel does with procfs and sysfs content.</summary>
    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Copies one file from another fixture tree over this tree's file.</summary>
    public void CopyFrom(string fixture, string relativePath) =>
        Write(relativePath, File.ReadAllText(Path.Combine(Fixtures.Root(fixture), relativePath)));

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
