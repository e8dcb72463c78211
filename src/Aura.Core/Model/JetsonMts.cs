namespace Aura.Core.Model;

/// <summary>tegrastats' <c>MTS fg X% bg Y%</c> (older Jetsons): foreground and background time shares, in percent.</summary>
public readonly record struct JetsonMts(double ForegroundPercent, double BackgroundPercent);
