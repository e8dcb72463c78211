using System.Diagnostics;

namespace Aura.EndToEnd.Tests;

public sealed class ProcessLifecycleTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-e2e-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Watch_ReaderClosesPipe_ExitsZeroWithoutStackTrace()
    {
        using var process = Process.Start(AuraProcess.StartInfo(_home.FullName, ["--watch", "--interval", "0.1"]))!;
        var stderr = process.StandardError.ReadToEndAsync();

        // Like `aura --watch | head -1`: read one line, then close our end of the pipe.
        var first = await process.StandardOutput.ReadLineAsync();
        first.ShouldNotBeNull();
        first.ShouldStartWith("cpu=");
        process.StandardOutput.Close();

        await WaitForExit(process);
        process.ExitCode.ShouldBe(0);
        (await stderr).ShouldBeEmpty();
    }

    [Fact]
    public async Task Watch_Interrupted_Exits130()
    {
        using var process = Process.Start(AuraProcess.StartInfo(_home.FullName, ["--watch", "--interval", "0.2", "--json"]))!;
        var first = await process.StandardOutput.ReadLineAsync();
        first.ShouldNotBeNull("each line is flushed as it is printed, so the first arrives while aura keeps running");
        process.HasExited.ShouldBeFalse();

        await SendSigint(process.Id);

        await WaitForExit(process);
        process.ExitCode.ShouldBe(130);
    }

    private static async Task SendSigint(int pid)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-INT");
        kill.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var sender = Process.Start(kill)!;
        await sender.WaitForExitAsync();
        sender.ExitCode.ShouldBe(0);
    }

    private static async Task WaitForExit(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new ShouldAssertException("aura did not exit within 30 s");
        }
    }
}
