namespace Aura.Core.Model;

/// <summary>A process with a context on a GPU. UsedMemoryBytes is null where the driver will not say (no permission, Windows WDDM).</summary>
public readonly record struct GpuProcess(int Pid, long? UsedMemoryBytes);
