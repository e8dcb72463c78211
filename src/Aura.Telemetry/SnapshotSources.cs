using Aura.Telemetry.Linux;
using Aura.Telemetry.Portable;

namespace Aura.Telemetry;

public static class SnapshotSources
{
    /// <summary>
    /// The real sources of this platform: procfs/sysfs on Linux, what .NET exposes elsewhere; plus tegrastats on a Jetson
    /// or the command in JETSONSCOPE_STATS_CMD (see <see cref="Jetson.TegrastatsSettings.Resolve"/>).
    /// </summary>
    /// <exception cref="Aura.Core.Config.ConfigException">A tegrastats command variable that cannot be split into words.</exception>
    public static ISnapshotSource Create(SamplerOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options with
        {
            Tegrastats = options.Tegrastats ?? Jetson.TegrastatsSettings.Resolve(options.Root, options.Interval, Environment.GetEnvironmentVariable),
        };
        return OperatingSystem.IsLinux()
            ? new LinuxSnapshotSource(options, clock, new StatvfsFilesystemStats())
            : new PortableSnapshotSource(options, clock);
    }
}
