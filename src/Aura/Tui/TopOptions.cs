using Aura.Tui.Render;

namespace Aura.Tui;

/// <summary>
/// `aura top`'s settings, validated by <see cref="TopCommand"/>. <paramref name="Http"/> is the daemon's HTTP address
/// and read key (as `aura events` finds them), tried when the socket does not answer; <paramref name="DbPathGiven"/>
/// says the DVR was named on the command line, so it is read even in client mode.
/// </summary>
internal sealed record TopOptions(
    string SocketPath,
    Cli.Events.EventsDaemon Http,
    bool Local,
    TimeSpan Interval,
    string? DbPath,
    bool DbPathGiven,
    string? ConfigFile,
    Theme Theme,
    ColorMode Colors,
    GraphStyle Graphs);
