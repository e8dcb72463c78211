namespace Aura.Server.History;

/// <summary>One bucket of a timeline: its time and the mean, minimum and maximum of the samples in it.</summary>
public readonly record struct TimelinePoint(DateTimeOffset Time, double Avg, double Min, double Max);
