using Aura.Core.Model;
using Aura.Telemetry;

namespace Aura.Agent.Screen;

/// <summary>
/// Adds screen activity to every tick of `aura serve` (when <c>[agent]</c> names a display): one in-process capture and
/// grid diff per tick, compared with the previous tick. A display that goes away costs the section, never the tick.
/// </summary>
public sealed class ScreenActivitySource(ISnapshotSource inner, string display, Action<string> warn) : ISnapshotSource
{
    private ScreenCapture? _capture;
    private GridDiff? _diff;
    private bool _warned;

    public Snapshot Sample()
    {
        var snapshot = inner.Sample();
        var screen = TrySample();
        return screen is null ? snapshot : snapshot with { Screen = screen };
    }

    public void Dispose()
    {
        _capture?.Dispose();
        inner.Dispose();
    }

    private ScreenSection? TrySample()
    {
        try
        {
            _capture ??= ScreenCapture.Open(display);
            _diff ??= new GridDiff(_capture.Width, _capture.Height, DiffSettings.AuraOs);
            _diff.Compare(_capture.Capture());
            _warned = false;
            // The first frame is "everything changed" by definition; it says nothing about activity.
            return _diff.IsFirstFrame ? null : new ScreenSection(Math.Round(_diff.ChangedShare, 4), _diff.RegionCount);
        }
        catch (AgentException e)
        {
            if (!_warned)
            {
                warn($"screen activity on {display} is not recorded: {e.Message}");
                _warned = true;
            }

            _capture?.Dispose();
            _capture = null;
            _diff = null;
            return null;
        }
    }
}
