namespace Aura.Storage.Dvr;

/// <summary>Raised when a background flush fails; the ticks stay in memory and the next flush retries them.</summary>
public sealed class DvrFlushFailedEventArgs(Exception error) : EventArgs
{
    public Exception Error { get; } = error;
}
