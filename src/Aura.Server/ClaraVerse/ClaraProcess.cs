namespace Aura.Server.ClaraVerse;

/// <summary>A top process: cpu in percent of one core, memory in percent of RAM, status the one-letter kernel state.</summary>
public sealed record ClaraProcess(int Pid, string Name, double? Cpu, double Memory, string Status);
