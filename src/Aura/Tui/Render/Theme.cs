namespace Aura.Tui.Render;

/// <summary>The colours a theme gives each role. Backgrounds stay the terminal's own except for bars and the selection.</summary>
internal sealed record Theme(
    string Name,
    int Text,
    int Muted,
    int Accent,
    int Title,
    int BarBackground,
    int Good,
    int Warn,
    int Bad,
    int Info,
    int Selection)
{
    public static readonly Theme Dark = new("dark", 0xD0D0D0, 0x808080, 0x5FD7FF, 0xFFFFFF, 0x303A4A, 0x5FD75F, 0xFFD75F, 0xFF5F5F, 0x5F87FF, 0x264F78);

    public static readonly Theme Light = new("light", 0x202020, 0x6C6C6C, 0x005F87, 0x000000, 0xD0D8E8, 0x008700, 0xAF5F00, 0xD70000, 0x0000AF, 0xB0C8F0);

    public static Theme Parse(string text) => text switch
    {
        "dark" => Dark,
        "light" => Light,
        _ => throw new Cli.UsageException($"--theme must be dark or light, not '{text}'"),
    };

    /// <summary>Green, yellow, red as a share climbs; what gauges and sparklines use.</summary>
    public int Level(double ratio) => ratio switch
    {
        >= 0.85 => Bad,
        >= 0.6 => Warn,
        _ => Good,
    };
}
