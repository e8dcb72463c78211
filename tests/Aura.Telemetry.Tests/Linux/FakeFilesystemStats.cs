using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

/// <summary>Answers statvfs for mount points of a fixture root; unknown mount points get the fallback, or fail.</summary>
internal sealed class FakeFilesystemStats(string root, FilesystemStats? fallback = null) : IFilesystemStats
{
    private readonly Dictionary<string, FilesystemStats> _byMountPoint = new(StringComparer.Ordinal);

    public List<string> Queried { get; } = [];

    public FakeFilesystemStats Set(string mountPoint, FilesystemStats stats)
    {
        _byMountPoint[mountPoint] = stats;
        return this;
    }

    public bool TryGet(string path, out FilesystemStats stats)
    {
        Queried.Add(path);
        var prefix = root.TrimEnd('/');
        var mountPoint = path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[prefix.Length..] : path;
        if (_byMountPoint.TryGetValue(mountPoint, out stats))
        {
            return true;
        }

        stats = fallback ?? default;
        return fallback is not null;
    }
}
