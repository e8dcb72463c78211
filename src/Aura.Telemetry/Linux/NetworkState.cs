using Aura.Core.Model;

namespace Aura.Telemetry.Linux;

/// <summary>What a <see cref="NetworkReader"/> remembers about one interface between ticks.</summary>
internal sealed class NetworkState(string name)
{
    /// <summary>The interned name: the same instance is returned on every tick.</summary>
    public string Name { get; } = name;

    public bool IsLoopback { get; } = name == "lo";

    public bool HasPrevious { get; set; }

    public NetCounters Previous { get; set; }

    public TimeSpan PreviousAt { get; set; }

    /// <summary>The reader's pass this interface was last seen in; interfaces not seen in a pass are forgotten.</summary>
    public int SeenInPass { get; set; }
}
