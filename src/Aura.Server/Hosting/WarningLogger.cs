using Microsoft.Extensions.Logging;

namespace Aura.Server.Hosting;

/// <summary>
/// Writes the warnings a library logs (storage faults) as the command line's own warning lines,
/// <c>aura: warning: …</c>, to a text writer (standard error). Less than a warning is not shown.
/// </summary>
internal sealed class WarningLogger(TextWriter warnings) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            warnings.WriteLine("aura: warning: " + formatter(state, exception));
        }
    }
}
