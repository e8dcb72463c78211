using System.Buffers;
using System.Text.Json;
using Aura.Storage.Dvr;

namespace Aura.Output;

/// <summary>A recorded tick as one JSON line: the seed keys first, as live, then every stored series under "series".</summary>
internal sealed class TickJsonLine : IDisposable
{
    private readonly ArrayBufferWriter<byte> _line = new(8 * 1024);
    private readonly Utf8JsonWriter _writer;

    public TickJsonLine() => _writer = new Utf8JsonWriter(_line, JsonLines.WriterOptions);

    public ReadOnlyMemory<byte> Format(DvrTick tick)
    {
        _line.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        SnapshotJsonLine.WriteNumberOrNull(_writer, "cpu_percent", SnapshotFigures.Round(tick.CpuPercent));
        SnapshotJsonLine.WriteNumberOrNull(_writer, "memory_percent", SnapshotFigures.Round(tick.MemoryPercent));
        _writer.WriteNumber("timestamp", SnapshotFigures.EpochSeconds(tick.Timestamp));
        _writer.WriteString("time", tick.Timestamp);
        _writer.WriteStartObject("series");
        foreach (var (key, value) in tick.Values)
        {
            _writer.WriteNumber(key, value);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        _line.Write("\n"u8);
        return _line.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
