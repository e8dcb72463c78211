namespace Aura.Storage.Events;

/// <summary>How hard a commit pushes to disk before its requests are answered.</summary>
public enum EventSync
{
    /// <summary>fsync the write-ahead log at every commit: an acknowledged event survives a power loss (the default).</summary>
    Full,

    /// <summary>fsync only at checkpoints: an acknowledged event survives the process being killed, not a power loss; faster.</summary>
    Normal,
}
