using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Writer;

/// <summary>A series the writer knows: its row id, key, and the precision its values are stored at.</summary>
internal sealed record SeriesSlot(int Id, string Key, string Family, string Unit, Quantizer Quantizer);
