using System.Diagnostics;

namespace Aura.EndToEnd.Tests;

public sealed class SharedRedirectTests
{
    [Fact]
    public async Task Output_RedirectedToAFileSharedWithOtherWriters_KeepsEveryLineInOrder()
    {
        var directory = Directory.CreateTempSubdirectory("aura-e2e-redirect-").FullName;
        try
        {
            var file = Path.Combine(directory, "out.txt");

            // The shell opens the file once and every command in the group writes through that one open file: aura must
            // write at the shared offset, not at its own, or "before" is overwritten and "after" lands inside its output.
            var info = AuraProcess.StartInfo("/bin/sh", directory, ["-c", "{ echo before; \"$0\" --no-persist --json; echo middle; \"$0\" --no-persist; echo after; } > \"$1\"", AuraBinary.Path, file], null);
            using var shell = Process.Start(info)!;
            shell.StandardInput.Close();
            var stderr = shell.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await shell.WaitForExitAsync(timeout.Token);

            shell.ExitCode.ShouldBe(0, await stderr);
            var lines = await File.ReadAllLinesAsync(file);
            lines[0].ShouldBe("before");
            lines[1].ShouldStartWith("{\"cpu_percent\":");
            lines[2].ShouldBe("middle");
            lines[3].ShouldStartWith("cpu=");
            lines[^1].ShouldBe("after");
            lines.Count(l => l is "before" or "middle" or "after").ShouldBe(3);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
