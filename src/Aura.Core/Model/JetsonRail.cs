namespace Aura.Core.Model;

/// <summary>
/// A power rail (<c>VDD_IN 5704mW/5704mW</c>): the instant and the running average, in milliwatts. <see cref="Unit"/> is
/// the unit as printed: <c>mW</c>, <c>W</c>, or empty for older releases whose unit-less figures NVIDIA documents as mW.
/// </summary>
public readonly record struct JetsonRail(string Name, double CurrentMilliwatts, double AverageMilliwatts, string Unit);
