namespace Aura.Tui;

/// <summary>The views, in JetsonScope's order, then Aura's own.</summary>
internal enum TopView
{
    Dashboard,
    Processes,
    Engines,
    Clocks,
    Events,
    History,
}
