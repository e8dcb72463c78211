using Aura.Agent.Screen;

namespace Aura.Agent.Tests.Screen;

/// <summary>A BGRX test image the diff reads as it would a captured frame.</summary>
internal sealed class Canvas(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Pixels { get; } = new byte[width * height * 4];

    public ScreenFrame Frame => new(Pixels, Width, Height, Width * 4);

    public Canvas Fill(int x, int y, int w, int h, byte r, byte g, byte b)
    {
        for (var row = y; row < y + h; row++)
        {
            for (var column = x; column < x + w; column++)
            {
                var i = ((row * Width) + column) * 4;
                Pixels[i] = b;
                Pixels[i + 1] = g;
                Pixels[i + 2] = r;
            }
        }

        return this;
    }
}
