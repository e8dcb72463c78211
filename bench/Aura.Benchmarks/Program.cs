using BenchmarkDotNet.Running;

namespace Aura.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        // Console modes that measure rather than time (dvr-size, dvr-record); everything else is BenchmarkDotNet.
        if (Dvr.DvrConsole.TryRun(args))
        {
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
