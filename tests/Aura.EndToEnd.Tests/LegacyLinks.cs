namespace Aura.EndToEnd.Tests;

/// <summary>
/// A temp directory of symbolic links to the real `aura` under the earlier tools' names, as the packages install them
/// (`/usr/bin/jscoped -> aura`). Starting a link makes argv[0] the tool's name, which is how `aura` tells them apart.
/// </summary>
internal sealed class LegacyLinks : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-links-");

    public string this[string name]
    {
        get
        {
            var link = Path.Combine(_directory.FullName, name);
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, AuraBinary.Path);
            }

            return link;
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
