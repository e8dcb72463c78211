using System.Diagnostics;

namespace Aura.EndToEnd.Tests;

/// <summary>gcc on PATH, to build the stand-in libnvidia-ml.so.1 from tests/fixtures/gpu/nvml-stub.</summary>
internal static class Gcc
{
    /// <summary>Builds <paramref name="source"/> into <paramref name="directory"/>/<paramref name="soname"/> as a shared library.</summary>
    public static async Task<string> SharedLibraryAsync(string source, string directory, string soname)
    {
        var gcc = Tools.Require("gcc");
        var output = Path.Combine(directory, soname);
        var info = new ProcessStartInfo(gcc) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-shared", "-fPIC", "-Wall", "-Wextra", "-Werror", $"-Wl,-soname,{soname}", "-o", output, source })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"gcc failed:\n{await stderr}");
        return output;
    }
}
