using System.Text.Json;
using Aura.Core.Events;

namespace Aura.Storage.Events;

/// <summary>Aura's own audit events (source <c>aura</c>) written to the event log, so they are queried and tailed like any other.</summary>
public sealed class EventLogAuditTrail(EventLog log, TimeProvider clock) : IAuditTrail
{
    public async ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var e = new NewEvent(
            AuditEvent.Source,
            auditEvent.EventType,
            auditEvent.Level,
            auditEvent.Message,
            EventTime.Micros(clock.GetUtcNow()),
            DataJson(auditEvent.Data));
        await log.AppendAsync(e, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] DataJson(IReadOnlyDictionary<string, string> data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in data.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
