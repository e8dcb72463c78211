using Microsoft.Extensions.Logging;

namespace Aura.Server;

/// <summary>The OTLP exporter's messages (ids 1900-1949), in their own file so the catalogue's other parts stay apart.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Exporting OTLP ({Protocol}) to {Endpoint}: metrics every {Interval}, events as logs")]
    public static partial void OtlpExporting(ILogger logger, string protocol, Uri endpoint, TimeSpan interval);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "OTLP {Signal} export failed ({Error}); try {Attempt} of {Attempts}")]
    public static partial void OtlpExportFailed(ILogger logger, string signal, string error, int attempt, int attempts);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Warning, Message = "OTLP {Signal} export dropped: {Error}")]
    public static partial void OtlpExportDropped(ILogger logger, string signal, string error);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Error, Message = "Encoding an OTLP {Signal} export failed; it is dropped")]
    public static partial void OtlpEncodeFailed(ILogger logger, string signal, Exception exception);
}
