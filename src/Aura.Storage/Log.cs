using Microsoft.Extensions.Logging;

namespace Aura.Storage;

/// <summary>Every message Aura.Storage logs: its faults. Event ids are stable and never reused (2000-2999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "DVR writes to {Path} are failing ({Reason}); live readings go on")]
    public static partial void DvrWritesFailing(ILogger logger, string path, string reason, Exception exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "DVR writes to {Path} succeed again")]
    public static partial void DvrWritesRecovered(ILogger logger, string path);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "storing events in {Path} failed ({Reason}); those requests were answered 500")]
    public static partial void EventCommitFailed(ILogger logger, string path, string reason, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "event retention on {Path} failed ({Reason}); it runs again tomorrow")]
    public static partial void EventRetentionFailed(ILogger logger, string path, string reason, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "live event delivery failed ({Reason})")]
    public static partial void EventPublishFailed(ILogger logger, string reason, Exception exception);
}
