using System.Text;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class ProcessStatParserTests
{
    [Fact]
    public void TryParse_CapturedInitStat_ReadsTheFieldsTheTopKNeeds()
    {
        // Given dev-vm's pid 1: "1 (process_api) S 0 ... utime 153, stime 468 ... num_threads 13 ... starttime 10 ... rss 3682"
        var content = StatOf("dev-vm", 1);

        ProcessStatParser.TryParse(content, out var stat, out var comm).ShouldBeTrue();

        Encoding.ASCII.GetString(comm).ShouldBe("process_api");
        stat.ShouldBe(new ProcessStat(State: 'S', CpuTicks: 153 + 468, Threads: 13, StartTime: 10, RssPages: 3682, ParentPid: 0));
    }

    [Fact]
    public void TryParse_CommWithSpacesAndParentheses_TakesEverythingUpToTheLastParenthesis()
    {
        var content = StatOf("malformed", 100);

        ProcessStatParser.TryParse(content, out var stat, out var comm).ShouldBeTrue();

        Encoding.ASCII.GetString(comm).ShouldBe("(a) b)");
        stat.ShouldBe(new ProcessStat('S', 40 + 10, 1, 5000, 900, ParentPid: 1));
    }

    [Fact]
    public void TryParse_CommThatLooksLikeFields_DoesNotShiftTheFields()
    {
        var content = "42 (my (weird) S 1 2 3) proc) R 1 42 42 0 -1 0 0 0 0 0 7 8 0 0 20 0 3 0 999 0 12 0\n"u8;

        ProcessStatParser.TryParse(content, out var stat, out var comm).ShouldBeTrue();

        Encoding.ASCII.GetString(comm).ShouldBe("my (weird) S 1 2 3) proc");
        stat.ShouldBe(new ProcessStat('R', 15, 3, 999, 12, ParentPid: 1));
    }

    [Theory]
    [InlineData(101)] // cut off before utime
    [InlineData(110)] // utime "12a"
    [InlineData(112)] // empty
    public void TryParse_MalformedStat_ReturnsFalse(int pid) =>
        ProcessStatParser.TryParse(StatOf("malformed", pid), out _, out _).ShouldBeFalse();

    [Theory]
    [InlineData("7 comm-without-parentheses S 1 2 3")]
    [InlineData("7 )backwards( S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21")]
    public void TryParse_NoCommInParentheses_ReturnsFalse(string line) =>
        ProcessStatParser.TryParse(Encoding.ASCII.GetBytes(line), out _, out _).ShouldBeFalse();

    private static byte[] StatOf(string tree, int pid) =>
        File.ReadAllBytes(Path.Combine(Fixtures.Root(tree), "proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat"));
}
