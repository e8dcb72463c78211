using Aura.Agent.Screen;

namespace Aura.Agent.Planner;

/// <summary>The planner's eyes on a local X display: in-process capture and the grid diff (with OCR when installed).</summary>
internal sealed class LocalScreen(DiffSession session) : IScreen, IDisposable
{
    private const int MaxCrops = 4;

    public DiffReport Observe() => session.Next();

    public IReadOnlyList<byte[]> Crops(IReadOnlyList<RegionJson> regions)
    {
        var crops = new List<byte[]>();
        foreach (var r in regions)
        {
            if (crops.Count == MaxCrops)
            {
                break;
            }

            crops.Add(session.Png(new Region(r.X, r.Y, r.Width, r.Height)));
        }

        return crops.Count > 0 ? crops : [session.Png()];
    }

    public void Dispose() => session.Dispose();
}
