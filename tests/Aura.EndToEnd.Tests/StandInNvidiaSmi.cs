using System.Globalization;
using System.Runtime.InteropServices;

namespace Aura.EndToEnd.Tests;

/// <summary>
/// A stand-in `nvidia-smi` on PATH: it prints the captured two-GPU query (tests/fixtures/gpu) and lists every process on
/// this machine as using 1 GiB of GPU 0, so whatever the top-k holds has GPU memory to show.
/// </summary>
internal sealed class StandInNvidiaSmi : IDisposable
{
    public const string FirstGpu = "NVIDIA A100 80GB PCIe";
    public const string SecondGpu = "NVIDIA H100 80GB HBM3";
    public const long ProcessGpuMemory = 1L << 30;

    private StandInNvidiaSmi(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>PATH with the stand-in first, so the system's tools (sh, cat) are still found.</summary>
    public string Path => Directory + System.IO.Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    /// <summary>Null where NVML loads: there Aura reads the real GPUs and never runs nvidia-smi.</summary>
    public static string? SkipReason => NativeLibrary.TryLoad("libnvidia-ml.so.1", out _)
        ? "libnvidia-ml.so.1 loads here, so Aura uses NVML and the nvidia-smi stand-in is never run"
        : null;

    public static StandInNvidiaSmi Create()
    {
        var fixture = System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "gpu", "nvidia-smi", "query-gpu-datacenter.csv");
        File.Exists(fixture).ShouldBeTrue($"the GPU fixture is missing at {fixture}");
        var directory = System.IO.Directory.CreateTempSubdirectory("aura-nvidia-smi-").FullName;
        var script = System.IO.Path.Combine(directory, "nvidia-smi");
        File.WriteAllText(script, string.Create(CultureInfo.InvariantCulture, $$"""
            #!/bin/sh
            case "$1" in
              --query-compute-apps=*)
                for p in /proc/[0-9]*; do echo "GPU-4f3c1c9e-8f0e-2a7d-9c1b-6e5d4c3b2a10, ${p#/proc/}, 1024"; done ;;
              --query-gpu=*) cat '{{fixture}}' ;;
              *) echo "unexpected arguments: $*" >&2; exit 2 ;;
            esac

            """));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new StandInNvidiaSmi(directory);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
