namespace Aura.Core.Config;

/// <summary>How a table came to exist; TOML allows each table to be defined exactly once.</summary>
internal enum TomlTableKind
{
    /// <summary>The document itself.</summary>
    Root,

    /// <summary>Created as a parent of a header such as <c>[a.b]</c>; a later <c>[a]</c> may still define it once.</summary>
    Implicit,

    /// <summary>Defined by its own <c>[table]</c> header.</summary>
    Header,

    /// <summary>Defined by dotted keys such as <c>a.b = 1</c>; no header may define it afterwards.</summary>
    Dotted,
}
