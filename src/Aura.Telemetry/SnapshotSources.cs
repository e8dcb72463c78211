using Aura.Telemetry.Portable;
namespace Aura.Telemetry;
public static class SnapshotSources
{
    public static ISnapshotSource Create(SamplerOptions options, TimeProvider clock) => new PortableSnapshotSource(options, clock);
}
