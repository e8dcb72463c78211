using System.Collections.Frozen;
using System.Reflection;

namespace Aura.Server.Cockpit;

/// <summary>
/// The cockpit's files as the .NET build embedded them from <c>web/dist</c> (resources named <c>cockpit/...</c>), read
/// once. Empty when the server was built without the cockpit (<c>-p:AuraSkipCockpit=true</c>, e.g. on a machine without npm).
/// </summary>
internal sealed class CockpitAssets
{
    private const string Prefix = "cockpit/";

    private static readonly Lazy<CockpitAssets> Embedded = new(() => Load(typeof(CockpitAssets).Assembly));

    private readonly FrozenDictionary<string, CockpitAsset> _files;

    private CockpitAssets(FrozenDictionary<string, CockpitAsset> files) => _files = files;

    public static CockpitAssets Default => Embedded.Value;

    /// <summary>The page at <c>/</c>, or null in a build without the cockpit.</summary>
    public CockpitAsset? Index => Find("index.html");

    public int Count => _files.Count;

    /// <summary>A file by its path relative to the site root (<c>assets/app-0123abcd.js</c>), or null.</summary>
    public CockpitAsset? Find(string path) => _files.GetValueOrDefault(path);

    internal static CockpitAssets Load(Assembly assembly)
    {
        var names = assembly.GetManifestResourceNames();
        var present = new HashSet<string>(names, StringComparer.Ordinal);
        var files = new Dictionary<string, CockpitAsset>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(Prefix, StringComparison.Ordinal)
                || normalized.EndsWith(".gz", StringComparison.Ordinal)
                || normalized.EndsWith(".br", StringComparison.Ordinal))
            {
                continue;
            }

            var path = normalized[Prefix.Length..];
            var bytes = Read(assembly, name);
            files[path] = new CockpitAsset(
                path,
                ContentTypes.For(path),
                bytes,
                present.Contains(name + ".gz") ? Read(assembly, name + ".gz") : null,
                present.Contains(name + ".br") ? Read(assembly, name + ".br") : null,
                Immutable: path.StartsWith("assets/", StringComparison.Ordinal));
        }

        return new CockpitAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded cockpit file {name} cannot be read");
        using var copy = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
