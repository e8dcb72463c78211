namespace Aura.Tui;

internal enum TopMessageKind
{
    Input,
    Reading,
    Resize,
    Apply,
}
