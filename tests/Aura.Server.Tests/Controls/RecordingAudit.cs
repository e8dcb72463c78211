using System.Collections.Concurrent;
using Aura.Core.Events;

namespace Aura.Server.Tests.Controls;

/// <summary>An audit trail that keeps what it is given, in order.</summary>
internal sealed class RecordingAudit : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEvent> _events = new();

    public IReadOnlyList<AuditEvent> Events => [.. _events];

    public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(auditEvent);
        return ValueTask.CompletedTask;
    }
}
