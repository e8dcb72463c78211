using Aura.Agent.Screen;

namespace Aura.Agent.Planner;

/// <summary>What the planner sees: the delta since its last look, and PNG crops for the vision model.</summary>
public interface IScreen
{
    DiffReport Observe();

    IReadOnlyList<byte[]> Crops(IReadOnlyList<RegionJson> regions);
}
