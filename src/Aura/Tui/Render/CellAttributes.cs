namespace Aura.Tui.Render;

[Flags]
internal enum CellAttributes : byte
{
    None = 0,
    Bold = 1,
    Reverse = 2,
    Underline = 4,
}
