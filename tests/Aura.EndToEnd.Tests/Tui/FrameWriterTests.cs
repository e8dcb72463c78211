using System.Text;
using Aura.Tui.Render;

namespace Aura.EndToEnd.Tests.Tui;

public sealed class FrameWriterTests
{
    [Fact]
    public void Render_NothingChanged_WritesNothing()
    {
        var screen = new ScreenBuffer(20, 3);
        screen.Text(0, 0, "cpu 12%", 0xFFFFFF);
        var writer = new FrameWriter(ColorMode.TrueColor);
        writer.Render(screen).Length.ShouldBeGreaterThan(0);

        writer.Render(screen).Length.ShouldBe(0);
    }

    [Fact]
    public void Render_OneCellChanged_MovesThereAndWritesOnlyIt()
    {
        var screen = new ScreenBuffer(20, 3);
        screen.Text(0, 1, "cpu 12%", 0xFFFFFF);
        var writer = new FrameWriter(ColorMode.None);
        writer.Render(screen);

        screen.Set(5, 1, '7', 0xFFFFFF);
        var output = Encoding.UTF8.GetString(writer.Render(screen));

        output.ShouldBe("\e[2;6H\e[0m7\e[0m");
    }

    [Fact]
    public void Render_AfterInvalidate_ClearsAndDrawsEverything()
    {
        var screen = new ScreenBuffer(4, 2);
        var writer = new FrameWriter(ColorMode.None);
        writer.Render(screen);

        writer.Invalidate();
        var output = Encoding.UTF8.GetString(writer.Render(screen));

        output.ShouldStartWith("\e[0m\e[2J");
        output.Count(c => c == ' ').ShouldBe(8);
    }

    [Theory]
    [InlineData("truecolor", "38;2;255;95;95")]
    [InlineData("256", "38;5;203")]
    [InlineData("16", ";91")]
    public void Render_ColourMode_UsesItsSequences(string mode, string expected)
    {
        var screen = new ScreenBuffer(2, 1);
        screen.Set(0, 0, 'x', 0xFF5F5F);

        Encoding.UTF8.GetString(new FrameWriter(ColorModes.Parse(mode)).Render(screen)).ShouldContain(expected);
    }

    [Fact]
    public void Render_NoColor_WritesAttributesButNoColour()
    {
        var screen = new ScreenBuffer(2, 1);
        screen.Set(0, 0, 'x', 0xFF5F5F, 0x303A4A, CellAttributes.Bold);

        var output = Encoding.UTF8.GetString(new FrameWriter(ColorMode.None).Render(screen));

        output.ShouldContain("\e[0;1m");
        output.ShouldNotContain("38;");
        output.ShouldNotContain("48;");
    }

    [Fact]
    public void ColorModes_NoColorSet_WinsOverEverything()
    {
        var variables = new Dictionary<string, string> { ["NO_COLOR"] = "1", ["COLORTERM"] = "truecolor", ["TERM"] = "xterm-256color" };

        ColorModes.Detect(n => variables.GetValueOrDefault(n)).ShouldBe(ColorMode.None);
        ColorModes.Detect(n => n == "NO_COLOR" ? null : variables.GetValueOrDefault(n)).ShouldBe(ColorMode.TrueColor);
    }
}
