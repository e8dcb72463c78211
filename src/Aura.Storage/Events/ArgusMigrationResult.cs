namespace Aura.Storage.Events;

/// <summary>
/// What <see cref="ArgusMigration"/> did: the file now in Aura's format, the byte-for-byte verified copy of Argus's
/// original beside it, how many events it holds, and how many of them needed a repair (see the migration's rules).
/// </summary>
public sealed record ArgusMigrationResult(string Path, string Backup, long Events, long Repaired);
