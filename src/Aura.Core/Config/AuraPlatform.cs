namespace Aura.Core.Config;

/// <summary>The operating system whose conventions decide where config and data live.</summary>
public enum AuraPlatform
{
    /// <summary>Linux and other Unix-likes: the XDG base directories.</summary>
    Linux,

    /// <summary>macOS: <c>~/Library/Application Support</c>.</summary>
    MacOS,

    /// <summary>Windows: <c>%APPDATA%</c>.</summary>
    Windows,
}
