namespace Aura.Storage.Dvr.Processes;

/// <summary>A process record as stored: strings as interned ids, numbers as integers at <see cref="ProcessPrecision"/>.</summary>
internal struct ProcessEntry
{
    public const long NoCpu = long.MinValue;

    public int Pid;
    public long StartTimeTicks;
    public int Name;
    public int User;
    public byte State;

    /// <summary>Tenths of a percent of one core, or <see cref="NoCpu"/> on a process's first sighting.</summary>
    public long Cpu;

    public long RssKib;

    /// <summary>Hundredths of a percent of physical memory.</summary>
    public long Memory;

    public long Threads;
}
