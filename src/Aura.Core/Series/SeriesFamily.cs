namespace Aura.Core.Series;

/// <summary>
/// A metric name with its unit, help text, label names (at most two) and the precision it is stored at:
/// values are kept losslessly as multiples of <see cref="Precision"/>.
/// </summary>
public sealed record SeriesFamily(
    string Name,
    string Help,
    string Unit,
    double Precision,
    SeriesKind Kind = SeriesKind.Gauge,
    string? Label1 = null,
    string? Label2 = null)
{
    public int LabelCount => Label1 is null ? 0 : Label2 is null ? 1 : 2;
}
