namespace Aura.Telemetry.Linux;

/// <summary>What a <see cref="DiskIoReader"/> remembers about one diskstats name between ticks.</summary>
internal sealed class DiskState(string name, bool isReported)
{
    /// <summary>The interned name: the same instance is returned on every tick.</summary>
    public string Name { get; } = name;

    /// <summary>A whole disk that is not a loop, RAM or zram device; decided once, when the name first appears.</summary>
    public bool IsReported { get; } = isReported;

    public bool HasPrevious { get; set; }

    public DiskCounters Previous { get; set; }

    public TimeSpan PreviousAt { get; set; }

    /// <summary>The reader's pass this name was last seen in; names not seen in a pass are forgotten.</summary>
    public int SeenInPass { get; set; }
}
