namespace Aura.Agent.Screen;

/// <summary>
/// One captured frame: 32-bit pixels, bytes B, G, R, X, rows <see cref="Stride"/> bytes apart. The pixels belong to the
/// capture and are overwritten by its next frame.
/// </summary>
internal readonly ref struct ScreenFrame(ReadOnlySpan<byte> pixels, int width, int height, int stride)
{
    public ReadOnlySpan<byte> Pixels { get; } = pixels;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Stride { get; } = stride;
}
