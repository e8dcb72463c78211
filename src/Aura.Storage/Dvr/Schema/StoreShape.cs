namespace Aura.Storage.Dvr.Schema;

/// <summary>What a database file holds, as far as opening it is concerned.</summary>
internal sealed record StoreShape(StoreKind Kind, int Version);
