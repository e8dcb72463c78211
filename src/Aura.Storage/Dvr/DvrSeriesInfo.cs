namespace Aura.Storage.Dvr;

/// <summary>A stored series: its key (<c>name{label="value"}</c>), family, unit and storage precision.</summary>
public sealed record DvrSeriesInfo(string Key, string Family, string Unit, double Precision);
