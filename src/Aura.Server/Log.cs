using Microsoft.Extensions.Logging;

namespace Aura.Server;

/// <summary>Every message Aura.Server logs. Event ids are stable and never reused.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Taking a snapshot failed; the tick is skipped")]
    public static partial void SampleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "The recorder failed to record a snapshot")]
    public static partial void RecordFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "The recorder failed to flush on shutdown")]
    public static partial void RecorderFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Dropped WebSocket client {Remote}: it took no message for {Timeout}")]
    public static partial void WebSocketClientDropped(ILogger logger, System.Net.IPAddress? remote, TimeSpan timeout);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Serving JetsonScope's protocol on {Path}")]
    public static partial void SocketListening(ILogger logger, string path);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Could not remove the socket file {Path}")]
    public static partial void SocketCleanupFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Not answering on the legacy socket path {Path}: {Reason}")]
    public static partial void LegacySocketRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Could not append to the health log {Path}")]
    public static partial void HealthLogFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "{Count} request(s) ended early since the last report, the latest from {Remote} ({Status}: {Reason}); such requests are reported at most once a minute")]
    public static partial void BadRequestBody(ILogger logger, int count, System.Net.IPAddress? remote, int status, string reason);
}
