namespace Aura.Telemetry.Tests.Jetson;

/// <summary>A throw-away root tree for one test, optionally starting as a copy of a fixture tree.</summary>
internal sealed class JetsonTempRoot : IDisposable
{
    public JetsonTempRoot(string? copyOf = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aura-jetson-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (copyOf is not null)
        {
            foreach (var file in Directory.EnumerateFiles(copyOf, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(copyOf, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Path { get; }

    public void Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
