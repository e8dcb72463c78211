namespace Aura.Server.Auth;

/// <summary>What an API key may do. <see cref="Admin"/> includes every other scope.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary>Read live stats, history and metrics.</summary>
    Read = 1,

    /// <summary>Post events.</summary>
    Ingest = 2,

    /// <summary>Change hardware controls (fan, clocks, governors).</summary>
    Control = 4,

    /// <summary>Drive the desktop agent.</summary>
    Agent = 8,

    /// <summary>Everything, including administration.</summary>
    Admin = 16,

    All = Read | Ingest | Control | Agent | Admin,
}
