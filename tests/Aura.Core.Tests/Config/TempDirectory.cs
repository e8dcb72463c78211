namespace Aura.Core.Tests.Config;

/// <summary>A fresh directory per test, deleted afterwards; stands in for a home directory or %APPDATA%.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), "aura-config-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    /// <summary>Writes a file below this directory, creating its parents, and returns its full path.</summary>
    public string Write(string text, params string[] parts)
    {
        var file = Combine(parts);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
