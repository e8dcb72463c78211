namespace Aura.Tui.Input;

/// <summary>A key press (<see cref="Char"/> for printable keys) or a mouse click at (X, Y).</summary>
internal readonly record struct InputEvent(InputKind Kind, char Char = '\0', int X = 0, int Y = 0)
{
    public static InputEvent Key(InputKind kind) => new(kind);

    public static InputEvent Of(char c) => new(InputKind.Char, c);
}
