namespace Aura.Tui.Render;

/// <summary>One character cell: a glyph, colours as 0xRRGGBB (or <see cref="Default"/>) and attributes.</summary>
internal readonly record struct Cell(char Glyph, int Foreground, int Background, CellAttributes Attributes)
{
    /// <summary>The terminal's own colour.</summary>
    public const int Default = -1;

    public static readonly Cell Blank = new(' ', Default, Default, CellAttributes.None);
}
