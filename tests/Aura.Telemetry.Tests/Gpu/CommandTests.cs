using Aura.Telemetry.Commands;

namespace Aura.Telemetry.Tests.Gpu;

public sealed class CommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_ArgumentsWithSpacesAndQuotes_ReachTheToolUnsplit()
    {
        using var tool = StandInTool.Create("nvidia-smi", "printf '%s|' \"$@\"");

        var result = await CommandRunner.RunAsync(tool.Path, ["a b", "'; rm -rf /'", "$(id)"], Timeout, TimeProvider.System, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Stderr);
        result.Stdout.ShouldBe("a b|'; rm -rf /'|$(id)|");
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_FailsWithItsName()
    {
        var result = await CommandRunner.RunAsync("/nonexistent/nvidia-smi", [], Timeout, TimeProvider.System, CancellationToken.None);

        result.ExitCode.ShouldBe(-1);
        result.Stderr.ShouldContain("/nonexistent/nvidia-smi could not be started");
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsTheTool()
    {
        using var tool = StandInTool.Create("nvidia-smi", "exec sleep 600");
        using var cancel = new CancellationTokenSource();
        var run = CommandRunner.RunAsync(tool.Path, [], Timeout, TimeProvider.System, cancel.Token);

        await cancel.CancelAsync();
        var result = await run;

        result.ExitCode.ShouldBe(-1);
        result.Stderr.ShouldContain("was stopped");
    }

    [Fact]
    public void Find_ExecutableOnPath_FirstDirectoryWins()
    {
        using var first = StandInTool.Create("rocm-smi", "true");
        using var second = StandInTool.Create("rocm-smi", "true");

        ExecutableSearch.Find("rocm-smi", $"/nonexistent:{first.Directory}:{second.Directory}").ShouldBe(first.Path);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Find_FileWithoutExecuteBit_Skipped()
    {
        using var tool = StandInTool.Create("nvidia-smi", "true");
        File.SetUnixFileMode(tool.Path, UnixFileMode.UserRead);

        ExecutableSearch.Find("nvidia-smi", tool.Directory).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Find_NoPath_Null(string? path)
    {
        ExecutableSearch.Find("nvidia-smi", path).ShouldBeNull();
    }
}
