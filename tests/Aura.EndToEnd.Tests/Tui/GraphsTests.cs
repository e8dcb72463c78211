using Aura.Tui.Render;

namespace Aura.EndToEnd.Tests.Tui;

public sealed class GraphsTests
{
    [Fact]
    public void Sparkline_Braille_PacksTwoSamplesACellFilledFromTheBottom()
    {
        var screen = new ScreenBuffer(2, 1);

        Graphs.Sparkline(screen, 0, 0, 2, 1, [0.0, 0.25, 1.0, 0.5], GraphStyle.Braille, Theme.Dark);

        // Cell 0: left empty, right one dot (8); cell 1: left full (7,3,2,1), right two dots (8,6).
        screen[0, 0].Glyph.ShouldBe('\u2880');
        screen[1, 0].Glyph.ShouldBe((char)(0x2800 + 0x47 + 0xA0));
    }

    [Fact]
    public void Sparkline_FewerSamplesThanCells_AlignsTheNewestRight()
    {
        var screen = new ScreenBuffer(4, 1);

        Graphs.Sparkline(screen, 0, 0, 4, 1, [1.0], GraphStyle.Block, Theme.Dark);

        screen.ToText().ShouldBe("   █\n");
    }

    [Fact]
    public void Gauge_Ascii_FillsItsShare()
    {
        var screen = new ScreenBuffer(10, 1);

        Graphs.Gauge(screen, 0, 0, 10, 0.5, GraphStyle.Ascii, Theme.Dark);

        screen.ToText().ShouldBe("|||||     \n");
    }
}
