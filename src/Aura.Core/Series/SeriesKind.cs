namespace Aura.Core.Series;

/// <summary>How a series behaves over time, as Prometheus types it.</summary>
public enum SeriesKind
{
    Gauge,
    Counter,
}
