namespace Aura.Storage.Dvr.Schema;

internal enum StoreKind
{
    /// <summary>No tables yet: a new file.</summary>
    Empty,

    /// <summary>An Aura DVR, possibly still holding the legacy table it was imported from.</summary>
    Aura,

    /// <summary>Only the Python Aura's <c>snapshots</c> table.</summary>
    Legacy,
}
