namespace Aura.Core.Model;

public readonly record struct LoadAverage(double One, double Five, double Fifteen);
