namespace Aura.Tui.Views;

internal enum HitTarget
{
    Tab,
    SortColumn,
    Row,
}
