namespace Aura.Storage.Dvr;

/// <summary>What an import of a Python Aura database did.</summary>
/// <param name="Imported">Rows stored as ticks.</param>
/// <param name="Skipped">Rows not stored: at or after the DVR's oldest tick, duplicate timestamps, or unreadable times.</param>
/// <param name="First">The oldest imported tick, if any.</param>
/// <param name="Last">The newest imported tick, if any.</param>
public sealed record DvrImportResult(long Imported, long Skipped, DateTimeOffset? First, DateTimeOffset? Last);
