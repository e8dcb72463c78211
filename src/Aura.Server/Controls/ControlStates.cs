using Aura.Controls;

namespace Aura.Server.Controls;

/// <summary>
/// The last known state of every control, for /metrics and GetMeta, which must not run nvpmodel or jetson_clocks on
/// their path. Reading it starts a refresh in the background when it is older than <see cref="MaxAge"/>; a change
/// made through Aura updates it at once.
/// </summary>
internal sealed class ControlStates(IControlService controls, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private IReadOnlyList<ControlInfo> _latest = [];
    private long _readAt;
    private bool _read;
    private int _refreshing;

    /// <summary>The states as last read (empty until the first refresh ends).</summary>
    public IReadOnlyList<ControlInfo> Latest
    {
        get
        {
            if (!Volatile.Read(ref _read) || clock.GetElapsedTime(Interlocked.Read(ref _readAt)) > MaxAge)
            {
                RefreshInBackground();
            }

            return Volatile.Read(ref _latest);
        }
    }

    public void Set(IReadOnlyList<ControlInfo> states)
    {
        Volatile.Write(ref _latest, states);
        Interlocked.Exchange(ref _readAt, clock.GetTimestamp());
        Volatile.Write(ref _read, true);
    }

    public void Update(ControlInfo changed)
    {
        var list = Volatile.Read(ref _latest).Select(c => c.Name == changed.Name ? changed : c).ToArray();
        Volatile.Write(ref _latest, list);
    }

    private void RefreshInBackground()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                Set(await controls.ListAsync(CancellationToken.None));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Keep the last states; the next read tries again.
                Interlocked.Exchange(ref _readAt, clock.GetTimestamp());
                Volatile.Write(ref _read, true);
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }
}
