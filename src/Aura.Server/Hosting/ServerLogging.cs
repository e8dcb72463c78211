using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Aura.Server.Hosting;

/// <summary>Log setups for the daemon: one line per message, or one JSON object per line, always on standard error.</summary>
public static class ServerLogging
{
    public static Action<ILoggingBuilder> Console(bool json) => logging =>
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // It only logs request start and finish (Information), yet while it is enabled at all, hosting starts an Activity
        // and a log scope for every request. Unhandled request errors are still logged, by Kestrel.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        if (json)
        {
            logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    };
}
