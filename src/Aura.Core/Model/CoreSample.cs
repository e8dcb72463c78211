namespace Aura.Core.Model;

public readonly record struct CoreSample(int Id, bool Online, CpuTimes? Times, double? FrequencyMhz);
