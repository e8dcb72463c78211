using Aura.Core.Events;
using Aura.Storage.Events;

namespace Aura.Storage.Tests.Events;

/// <summary>A temp directory for one event log file, deleted when the test ends.</summary>
internal sealed class TempEventLog : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aura-events-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "events.sqlite");

    public EventLog Open(TimeProvider clock, Func<EventLogOptions, EventLogOptions>? configure = null)
    {
        var options = new EventLogOptions { Path = Path, BackgroundRetention = false };
        return EventLog.Open(configure is null ? options : configure(options), clock);
    }

    public static NewEvent Event(string source, string type, DateTimeOffset at, EventLevel level = EventLevel.Info, string? message = null, string? data = null) =>
        new(source, type, level, message, EventTime.Micros(at), data is null ? ReadOnlyMemory<byte>.Empty : System.Text.Encoding.UTF8.GetBytes(data));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
