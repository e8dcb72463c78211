namespace Aura.EndToEnd.Tests;

public sealed class ArgumentErrorTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-e2e-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Theory]
    [InlineData("--interval abc", "--interval")]
    [InlineData("--interval 0", "--interval")]
    [InlineData("--interval -2", "--interval")]
    [InlineData("--interval nan", "--interval")]
    [InlineData("--interval inf", "--interval")]
    [InlineData("--count 3", "--count requires --watch")]
    [InlineData("--watch --count 0", "--count")]
    [InlineData("--watch --count x", "--count")]
    [InlineData("--latest 0", "--latest")]
    [InlineData("--latest 5 --watch", "--latest cannot be combined")]
    [InlineData("--latest 5 --since 100", "--latest cannot be combined")]
    [InlineData("--latest 5 --no-persist", "--latest cannot be combined")]
    [InlineData("--since 200 --until 100", "--since")]
    [InlineData("--since yesterday", "--since")]
    [InlineData("--until 2026-01-01T00:00:00", "--until")]
    [InlineData("--retention-seconds -5", "--retention-seconds")]
    [InlineData("--db-path", "--db-path")]
    [InlineData("--gui --json", "--gui")]
    [InlineData("--no-such-flag", "--no-such-flag")]
    public async Task Aura_BadArguments_ExitTwoWithOneLineNamingTheProblem(string arguments, string expected)
    {
        var result = await AuraProcess.RunAsync(_home.FullName, arguments.Split(' '));

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        var first = result.Stderr.Split('\n')[0];
        first.ShouldStartWith("aura: ");
        first.ShouldContain(expected);
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Help_Always_DescribesTheSeedFlags()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "--help");

        result.ExitCode.ShouldBe(0);
        foreach (var flag in new[] { "--json", "--watch", "--interval", "--count", "--no-persist", "--db-path", "--retention-seconds", "--latest", "--since", "--until", "--gui" })
        {
            result.Stdout.ShouldContain(flag);
        }
    }
}
