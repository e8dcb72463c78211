namespace Aura.Core.Series;

/// <summary>Receives the flattened values of a snapshot, one call per series.</summary>
public interface ISeriesSink
{
    void Add(SeriesFamily family, double value, string? label1 = null, string? label2 = null);
}
