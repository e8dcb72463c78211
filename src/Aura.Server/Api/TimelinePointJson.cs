namespace Aura.Server.Api;

/// <summary>A timeline point as JSON: <c>t</c> in epoch seconds, then the bucket's mean, minimum and maximum.</summary>
public readonly record struct TimelinePointJson(double T, double Avg, double Min, double Max);
