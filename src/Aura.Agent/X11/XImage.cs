using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>The leading fields of Xlib's <c>XImage</c> (LP64 layout); Aura only reads them.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct XImage
{
    public int Width;
    public int Height;
    public int XOffset;
    public int Format;
    public byte* Data;
    public int ByteOrder;
    public int BitmapUnit;
    public int BitmapBitOrder;
    public int BitmapPad;
    public int Depth;
    public int BytesPerLine;
    public int BitsPerPixel;
    public nuint RedMask;
    public nuint GreenMask;
    public nuint BlueMask;
}
