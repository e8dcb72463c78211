namespace Aura.Tui;

/// <summary>How far one step of <c>[</c>/<c>]</c> moves through the DVR.</summary>
internal enum HistoryTier
{
    Tick,
    Minute,
    Hour,
}
