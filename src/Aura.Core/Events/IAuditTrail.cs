namespace Aura.Core.Events;

/// <summary>Where Aura writes its own audit events; the daemon's implementation is the durable event log.</summary>
public interface IAuditTrail
{
    /// <summary>Records the event; completes once it is durable.</summary>
    ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
