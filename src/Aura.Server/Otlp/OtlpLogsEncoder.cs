using System.Text.Json;
using Aura.Core.Events;
using Aura.Server.Events;
using Aura.Storage.Events;

namespace Aura.Server.Otlp;

/// <summary>
/// Encodes durable events as an <c>ExportLogsServiceRequest</c> (opentelemetry/proto/collector/logs/v1): the event's
/// time, severity from its level, the message as the body, and <c>source</c>, <c>event_type</c>, <c>event.id</c> and
/// the <c>data</c> object as attributes; <c>event_name</c> is the event type. Not thread-safe: the exporter keeps one.
/// </summary>
internal sealed class OtlpLogsEncoder(OtlpOptions options, string version)
{
    private readonly ProtoWriter _writer = new();

    /// <summary>The OTLP severity number of each level (SEVERITY_NUMBER_DEBUG, _INFO, _WARN, _ERROR).</summary>
    public static int Severity(EventLevel level) => level switch
    {
        EventLevel.Debug => 5,
        EventLevel.Info => 9,
        EventLevel.Warn => 13,
        _ => 17,
    };

    public byte[] Encode(IReadOnlyList<StoredEvent> events, string hostName, DateTimeOffset observed)
    {
        var writer = _writer;
        writer.Reset();
        var observedNanos = OtlpMetricsEncoder.UnixNanos(observed);
        writer.BeginMessage(1); // ResourceLogs
        OtlpResource.Write(writer, 1, options, hostName, version);
        writer.BeginMessage(2); // ScopeLogs
        OtlpScope.Write(writer, 1, version);
        foreach (var stored in events)
        {
            WriteRecord(writer, stored, observedNanos);
        }

        writer.EndMessage();
        writer.EndMessage();
        return writer.ToArray();
    }

    private static void WriteRecord(ProtoWriter writer, StoredEvent stored, ulong observed)
    {
        var e = stored.Event;
        writer.BeginMessage(2); // LogRecord
        writer.Fixed64(1, (ulong)Math.Max(0, e.TimestampMicros) * 1000);
        writer.UInt64(2, (ulong)Severity(e.Level));
        writer.String(3, EventLevels.Name(e.Level).ToUpperInvariant());
        if (e.Message is { } message)
        {
            writer.BeginMessage(5);
            writer.String(1, message);
            writer.EndMessage();
        }

        OtlpValues.StringAttribute(writer, 6, "source", e.Source);
        OtlpValues.StringAttribute(writer, 6, "event_type", e.EventType);
        writer.BeginMessage(6);
        writer.String(1, "event.id");
        writer.BeginMessage(2);
        writer.UInt64(3, (ulong)stored.Id);
        writer.EndMessage();
        writer.EndMessage();
        if (!e.Data.IsEmpty)
        {
            using var data = JsonDocument.Parse(e.Data);
            OtlpValues.JsonAttribute(writer, 6, "data", data.RootElement);
        }

        writer.Fixed64(11, observed);
        writer.String(12, e.EventType);
        writer.EndMessage();
    }
}
