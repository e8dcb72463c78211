namespace Aura.Core.Model;

/// <summary>
/// Screen activity since the previous tick, from the desktop agent's grid diff (only when `aura serve` watches a display):
/// the changed share of the screen (0 to 1) and the number of changed regions.
/// </summary>
public sealed record ScreenSection(double ChangedRatio, int Regions);
