using Aura.Core.Model;
using Aura.Server.Tests.Support;
using Aura.Telemetry;
using Aura.Telemetry.Jetson;

namespace Aura.Server.Tests.Controls;

/// <summary>The fake source's snapshots with a Jetson section parsed from a captured tegrastats line.</summary>
internal sealed class JetsonSource(string fixture = "orin-nano-jp6.txt") : ISnapshotSource
{
    private int _samples;

    public static string Line(string fixture) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "tegrastats", fixture)).TrimEnd('\n');

    public JetsonSection Section { get; } = new TegrastatsParser().Parse(Line(fixture), "command");

    public Snapshot Sample() => FakeSource.Build(TimeProvider.System.GetUtcNow(), Interlocked.Increment(ref _samples)) with { Jetson = Section };

    public void Dispose()
    {
        // Nothing held.
    }
}
