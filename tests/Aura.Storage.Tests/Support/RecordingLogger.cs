using Microsoft.Extensions.Logging;

namespace Aura.Storage.Tests.Support;

/// <summary>A logger that keeps what it is given, for tests that check what storage reports.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, int Id, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, int Id, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
