namespace Aura.Agent.Screen;

/// <summary>A changed rectangle of the screen, in pixels.</summary>
public readonly record struct Region(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public long Area => (long)Width * Height;

    public static Region Union(Region a, Region b)
    {
        var x = Math.Min(a.X, b.X);
        var y = Math.Min(a.Y, b.Y);
        return new Region(x, y, Math.Max(a.Right, b.Right) - x, Math.Max(a.Bottom, b.Bottom) - y);
    }

    /// <summary>True when the gap between the two, across and down, is at most <paramref name="margin"/> pixels.</summary>
    public bool IsWithin(Region other, int margin) =>
        other.X <= Right + margin && X <= other.Right + margin && other.Y <= Bottom + margin && Y <= other.Bottom + margin;
}
