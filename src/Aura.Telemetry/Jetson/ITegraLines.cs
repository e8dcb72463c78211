namespace Aura.Telemetry.Jetson;

/// <summary>A feed of tegrastats lines: the latest one on demand. Not thread-safe for callers; one sampler reads it.</summary>
internal interface ITegraLines : IDisposable
{
    /// <summary>The newest line, or null before the first.</summary>
    string? Latest();

    /// <summary>Why there is no line (the command could not start, or exited), or null.</summary>
    string? Problem { get; }

    /// <summary>Blocks until the first line arrives or the first attempt ends, at most <paramref name="timeout"/>.</summary>
    void WaitForFirst(TimeSpan timeout);
}
