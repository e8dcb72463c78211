namespace Aura.Core.Model;

public readonly record struct InterfaceSample(string Name, NetCounters Totals, NetRates? Rates);
