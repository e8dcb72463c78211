using System.IO.Compression;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;

namespace Aura.Benchmarks.Dvr;

/// <summary>A recorded trace: one snapshot per line as AuraJsonContext writes it, gzip-compressed.</summary>
internal static class DvrTrace
{
    /// <summary>Reads every complete line; a trace still being written (no gzip trailer yet) ends at its last full line.</summary>
    public static List<Snapshot> Read(string path)
    {
        var snapshots = new List<Snapshot>();
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        try
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && line[^1] == '}')
                {
                    snapshots.Add(JsonSerializer.Deserialize(line, AuraJsonContext.Default.Snapshot)!);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or JsonException)
        {
            Console.Error.WriteLine($"{path}: stopped at line {snapshots.Count + 1} ({e.Message})");
        }

        return snapshots;
    }
}
