namespace Aura.Tui.Render;

/// <summary>How graphs are drawn: braille (2×4 dots a cell), eighth blocks, or plain ASCII for terminals without UTF-8.</summary>
internal enum GraphStyle
{
    Braille,
    Block,
    Ascii,
}
