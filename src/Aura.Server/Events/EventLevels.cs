using Aura.Core.Events;

namespace Aura.Server.Events;

/// <summary>Argus's level names, lower-case on the wire.</summary>
internal static class EventLevels
{
    public const string Allowed = "debug, info, warn, error";

    public static string Name(EventLevel level) => level switch
    {
        EventLevel.Debug => "debug",
        EventLevel.Info => "info",
        EventLevel.Warn => "warn",
        _ => "error",
    };

    public static EventLevel? Parse(string? text) => text switch
    {
        "debug" => EventLevel.Debug,
        "info" => EventLevel.Info,
        "warn" => EventLevel.Warn,
        "error" => EventLevel.Error,
        _ => null,
    };
}
