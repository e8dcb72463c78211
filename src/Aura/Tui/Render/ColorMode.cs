namespace Aura.Tui.Render;

/// <summary>How many colours the terminal shows: chosen by <see cref="ColorModes.Detect"/> or <c>--colors</c>.</summary>
internal enum ColorMode
{
    /// <summary>No colour at all (<c>NO_COLOR</c>): bold and reverse video only.</summary>
    None,
    Ansi16,
    Ansi256,
    TrueColor,
}
