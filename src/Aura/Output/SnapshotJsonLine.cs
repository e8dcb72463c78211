using System.Buffers;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;

namespace Aura.Output;

/// <summary>
/// One JSON object per line: the seed's keys (cpu_percent, memory_percent, timestamp in epoch seconds) first,
/// then every section of the snapshot at the top level, so the line also reads back as a <see cref="Snapshot"/>.
/// </summary>
internal sealed class SnapshotJsonLine : IDisposable
{
    private readonly ArrayBufferWriter<byte> _snapshot = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _line = new(16 * 1024);
    private readonly Utf8JsonWriter _snapshotWriter;
    private readonly Utf8JsonWriter _lineWriter;

    public SnapshotJsonLine()
    {
        _snapshotWriter = new Utf8JsonWriter(_snapshot, JsonLines.WriterOptions);
        _lineWriter = new Utf8JsonWriter(_line, JsonLines.WriterOptions);
    }

    public ReadOnlyMemory<byte> Format(Snapshot snapshot)
    {
        _snapshot.ResetWrittenCount();
        _snapshotWriter.Reset();
        JsonSerializer.Serialize(_snapshotWriter, snapshot, AuraJsonContext.Default.Snapshot);

        _line.ResetWrittenCount();
        _lineWriter.Reset();
        _lineWriter.WriteStartObject();
        WriteNumberOrNull(_lineWriter, "cpu_percent", SnapshotFigures.CpuPercent(snapshot));
        WriteNumberOrNull(_lineWriter, "memory_percent", SnapshotFigures.MemoryPercent(snapshot));
        _lineWriter.WriteNumber("timestamp", SnapshotFigures.EpochSeconds(snapshot.Timestamp));
        _lineWriter.Flush();

        // Splice the snapshot's members in after the seed keys: drop its opening brace, keep the closing one.
        var members = _snapshot.WrittenSpan[1..];
        if (members.Length > 1)
        {
            _line.Write(","u8);
        }

        _line.Write(members);
        _line.Write("\n"u8);
        return _line.WrittenMemory;
    }

    public void Dispose()
    {
        _snapshotWriter.Dispose();
        _lineWriter.Dispose();
    }

    public static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
