namespace Aura.Core.Events;

/// <summary>An event's severity, Argus's four levels (written lower-case on the wire).</summary>
public enum EventLevel
{
    Debug,
    Info,
    Warn,
    Error,
}
