using System.Text;
using Aura.Tui.Input;

namespace Aura.EndToEnd.Tests.Tui;

public sealed class KeyParserTests
{
    [Theory]
    [InlineData("\e[A", (int)InputKind.Up)]
    [InlineData("\eOB", (int)InputKind.Down)]
    [InlineData("\e[C", (int)InputKind.Right)]
    [InlineData("\e[D", (int)InputKind.Left)]
    [InlineData("\e[5~", (int)InputKind.PageUp)]
    [InlineData("\e[6~", (int)InputKind.PageDown)]
    [InlineData("\e[H", (int)InputKind.Home)]
    [InlineData("\e[4~", (int)InputKind.End)]
    [InlineData("\e[Z", (int)InputKind.BackTab)]
    [InlineData("\t", (int)InputKind.Tab)]
    [InlineData("\r", (int)InputKind.Enter)]
    [InlineData("\u007f", (int)InputKind.Backspace)]
    [InlineData("\u0003", (int)InputKind.CtrlC)]
    [InlineData("\e", (int)InputKind.Escape)]
    public void Parse_TerminalSequence_IsTheKey(string sent, int expected)
    {
        Parse(sent).ShouldBe([InputEvent.Key((InputKind)expected)]);
    }

    [Fact]
    public void Parse_SgrMousePress_IsAClickAtZeroBasedCell()
    {
        Parse("\e[<0;12;2M").ShouldBe([new InputEvent(InputKind.Click, '\0', 11, 1)]);
    }

    [Fact]
    public void Parse_MouseReleaseWheelAndUnknownSequences_AreDropped()
    {
        Parse("\e[<0;12;2m\e[<64;3;3M\e[99~\e[1;5P").ShouldBeEmpty();
    }

    [Fact]
    public void Parse_KeysAndUtf8InOneRead_KeepTheirOrder()
    {
        Parse("q\e[Aé/").ShouldBe([InputEvent.Of('q'), InputEvent.Key(InputKind.Up), InputEvent.Of('é'), InputEvent.Of('/')]);
    }

    [Fact]
    public void Parse_SequenceCutAtTheEndOfARead_TypesNothing()
    {
        Parse("\e[1").ShouldBeEmpty();
    }

    private static List<InputEvent> Parse(string text)
    {
        var events = new List<InputEvent>();
        KeyParser.Parse(Encoding.UTF8.GetBytes(text), events);
        return events;
    }
}
