using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Aura.Core.Model;
using Aura.Telemetry;
using Aura.Telemetry.Gpu;
using Aura.Telemetry.Gpu.Amd;
using Aura.Telemetry.Gpu.Nvml;
using Aura.Telemetry.Gpu.NvidiaSmi;
using Aura.Telemetry.Linux;
using BenchmarkDotNet.Attributes;

namespace Aura.Benchmarks.Telemetry;

/// <summary>
/// One whole tick of this machine with GPU sources added, against the same tick without GPUs. The difference is what
/// GPU reading adds to the tick around the driver calls: NVML's mapping (a fake NVML answering at once), amdgpu's
/// sysfs reads (the amd-gpus fixture tree: 3 cards), and nvidia-smi run in the background (a stand-in script), which
/// must not stall the tick.
/// </summary>
[MemoryDiagnoser]
[SupportedOSPlatform("linux")]
public class GpuTickBenchmarks
{
    private LinuxSnapshotSource _none = null!;
    private LinuxSnapshotSource _nvml = null!;
    private LinuxSnapshotSource _amdgpu = null!;
    private LinuxSnapshotSource _nvidiaSmi = null!;
    private string _standIn = null!;
    private GpuReader _nvmlOnly = null!;
    private GpuReader _amdgpuOnly = null!;
    private GpuReader _stubNvmlOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        var repository = RepositoryRoot();
        _standIn = Directory.CreateTempSubdirectory("aura-bench-smi-").FullName;
        var script = Path.Join(_standIn, "nvidia-smi");
        File.WriteAllText(script, $"#!/bin/sh\ncase \"$1\" in --query-gpu=*) cat '{Path.Join(repository, "tests/fixtures/gpu/nvidia-smi/query-gpu-datacenter.csv")}' ;; esac\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        _none = Source(GpuReader.None);
        _nvml = Source(new GpuReader(new NvmlGpuSource(new BenchNvml(Environment.ProcessId)), null));
        _amdgpu = Source(new GpuReader(null, new AmdgpuSource(Path.Join(repository, "tests/fixtures/roots/amd-gpus"))));
        _nvmlOnly = new GpuReader(new NvmlGpuSource(new BenchNvml(Environment.ProcessId)), null);
        _amdgpuOnly = new GpuReader(null, new AmdgpuSource(Path.Join(repository, "tests/fixtures/roots/amd-gpus")));
        _stubNvmlOnly = new GpuReader(StubNvml(repository, _standIn), null);
        _nvidiaSmi = Source(new GpuReader(new NvidiaSmiSource(script, TimeProvider.System, GpuReader.ToolTimeout, GpuReader.FirstToolWait), null));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _none.Dispose();
        _nvml.Dispose();
        _amdgpu.Dispose();
        _nvidiaSmi.Dispose();
        _nvmlOnly.Dispose();
        _amdgpuOnly.Dispose();
        _stubNvmlOnly.Dispose();
        Directory.Delete(_standIn, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Snapshot NoGpu() => _none.Sample();

    [Benchmark]
    public Snapshot FakeNvmlTwoGpus() => _nvml.Sample();

    [Benchmark]
    public Snapshot AmdgpuThreeCards() => _amdgpu.Sample();

    [Benchmark]
    public Snapshot NvidiaSmiInBackground() => _nvidiaSmi.Sample();

    /// <summary>The GPU part alone, without the rest of the tick, for a figure the tick's noise does not drown.</summary>
    [Benchmark]
    public int FakeNvmlTwoGpusAlone() => _nvmlOnly.Read().Length;

    [Benchmark]
    public int AmdgpuThreeCardsAlone() => _amdgpuOnly.Read().Length;

    /// <summary>The real P/Invoke path into a stand-in libnvidia-ml.so.1 that answers at once: Aura's side of the NVML calls.</summary>
    [Benchmark]
    public int StubNvmlTwoGpusAlone() => _stubNvmlOnly.Read().Length;

    /// <summary>
    /// Builds tests/fixtures/gpu/nvml-stub (one process per GPU, no /proc scan) with gcc and loads it by path; its soname
    /// is libnvidia-ml.so.1, so NVML's own load by that name finds it.
    /// </summary>
    private static NvmlGpuSource StubNvml(string repository, string directory)
    {
        var library = Path.Join(directory, "libnvidia-ml.so.1");
        var gcc = Process.Start(new ProcessStartInfo("gcc")
        {
            ArgumentList =
            {
                "-O2", "-shared", "-fPIC", "-DNVML_STUB_ONE_PROCESS", "-Wl,-soname,libnvidia-ml.so.1", "-o", library,
                Path.Join(repository, "tests/fixtures/gpu/nvml-stub/nvml_stub.c"),
            },
        }) ?? throw new InvalidOperationException("gcc could not be started; it builds the stand-in NVML");
        gcc.WaitForExit();
        if (gcc.ExitCode != 0)
        {
            throw new InvalidOperationException("gcc could not build the stand-in NVML");
        }

        NativeLibrary.Load(library);
        var nvml = NvmlLibrary.TryOpen(out var reason) ?? throw new InvalidOperationException(reason);
        return new NvmlGpuSource(nvml, nvml);
    }

    private static LinuxSnapshotSource Source(GpuReader gpus)
    {
        var source = new LinuxSnapshotSource(new SamplerOptions(), TimeProvider.System, new StatvfsFilesystemStats(), gpus);
        source.Sample();
        return source;
    }

    /// <summary>BenchmarkDotNet runs a generated copy of this project under bin/; the fixtures are found from the repository root above it.</summary>
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Join(directory.FullName, "Aura.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (with Aura.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
