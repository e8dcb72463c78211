namespace Aura.Storage.Dvr.Processes;

/// <summary>Which fields of a process seen last tick changed; the changed ones follow the flags byte in this order.</summary>
[Flags]
internal enum ProcessFlags : byte
{
    None = 0,
    State = 1,
    Name = 2,
    User = 4,
    Threads = 8,
    Rss = 16,
    Memory = 32,
    Cpu = 64,
}
