namespace Aura.Tui.Views;

/// <summary>A clickable area of the last frame: a tab, a column header or a process row.</summary>
internal readonly record struct HitZone(int X, int Y, int Width, HitTarget Target, int Value);
