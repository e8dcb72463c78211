using System.IO.Compression;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Telemetry;

namespace Aura.Benchmarks.Dvr;

/// <summary><c>dvr-record &lt;seconds&gt; &lt;out.jsonl.gz&gt;</c>: records this machine at 1 Hz with Aura's own sampler.</summary>
internal static class DvrRecord
{
    public static async Task Run(int seconds, string path)
    {
        var clock = TimeProvider.System;
        using var source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, clock);
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        await using var writer = new StreamWriter(gzip);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        for (var i = 0; i < seconds && await timer.WaitForNextTickAsync(); i++)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(source.Sample(), AuraJsonContext.Default.Snapshot));
            if (i % 60 == 0)
            {
                await writer.FlushAsync();
            }
        }
    }
}
