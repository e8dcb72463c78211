namespace Aura.Tui.Input;

internal enum InputKind
{
    Char,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Enter,
    Escape,
    Backspace,
    Delete,
    CtrlC,

    /// <summary>A mouse button press at (X, Y), zero-based cells.</summary>
    Click,
}
