using Aura.Tui.Render;

namespace Aura.Tui;

/// <summary>`aura top`'s settings, validated by <see cref="TopCommand"/>.</summary>
internal sealed record TopOptions(
    string SocketPath,
    bool Local,
    TimeSpan Interval,
    string? DbPath,
    string? ConfigFile,
    Theme Theme,
    ColorMode Colors,
    GraphStyle Graphs);
