using System.Collections.Immutable;

namespace Aura.Core.Events;

/// <summary>
/// Something Aura itself did or refused (a control change, a daemon start or stop, a DVR error), recorded in the event
/// log under source <c>aura</c> so the log is also the audit trail.
/// </summary>
/// <param name="EventType">Argus event type, e.g. <c>control.set</c>, <c>control.refused</c>, <c>daemon.start</c>.</param>
/// <param name="Level">Severity.</param>
/// <param name="Message">One human-readable line.</param>
/// <param name="Data">Flat details (control name, requested value, reason...), stored as the event's JSON object.</param>
public sealed record AuditEvent(string EventType, EventLevel Level, string Message, ImmutableDictionary<string, string> Data)
{
    /// <summary>The source every audit event carries.</summary>
    public const string Source = "aura";
}
