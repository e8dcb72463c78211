using Aura.Telemetry.Linux;
using Aura.Telemetry.Portable;

namespace Aura.Telemetry;

public static class SnapshotSources
{
    /// <summary>
    /// The real sources of this platform: procfs/sysfs on Linux, what .NET exposes elsewhere; plus the tegrastats feed
    /// <paramref name="options"/> names.
    /// </summary>
    public static ISnapshotSource Create(SamplerOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OperatingSystem.IsLinux()
            ? new LinuxSnapshotSource(options, clock, new StatvfsFilesystemStats())
            : new PortableSnapshotSource(options, clock);
    }
}
