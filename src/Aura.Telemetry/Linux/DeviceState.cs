namespace Aura.Telemetry.Linux;

/// <summary>What a <see cref="DeviceTable{TCounters}"/> remembers about one device (a disk, an interface) between ticks.</summary>
internal sealed class DeviceState<TCounters>(string name, bool selected)
    where TCounters : struct
{
    /// <summary>The interned name: the same instance is returned on every tick.</summary>
    public string Name { get; } = name;

    /// <summary>The reader's verdict on this name (a whole disk, an interface other than loopback), decided once.</summary>
    public bool Selected { get; } = selected;

    public bool HasPrevious { get; private set; }

    public TCounters Previous { get; private set; }

    public TimeSpan PreviousAt { get; private set; }

    /// <summary>The table's pass this name was last seen in; names not seen in a pass are forgotten.</summary>
    internal int SeenInPass { get; set; }

    /// <summary>Seconds since the previous reading, or false on the first one or when the clock did not move.</summary>
    public bool TryElapsedSince(TimeSpan at, out double seconds)
    {
        seconds = (at - PreviousAt).TotalSeconds;
        return HasPrevious && seconds > 0;
    }

    /// <summary>Keeps this tick's counters for the next tick's rates.</summary>
    public void Remember(TCounters counters, TimeSpan at)
    {
        Previous = counters;
        PreviousAt = at;
        HasPrevious = true;
    }
}
