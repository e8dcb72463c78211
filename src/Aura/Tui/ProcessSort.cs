namespace Aura.Tui;

internal enum ProcessSort
{
    Cpu,
    Memory,
    Pid,
    Name,
}
