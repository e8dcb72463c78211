using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Reader;

/// <summary>A row of the <c>series</c> table as a reader caches it.</summary>
internal sealed record StoredSeries(int Id, string Key, string Family, string Unit, Quantizer Quantizer);
