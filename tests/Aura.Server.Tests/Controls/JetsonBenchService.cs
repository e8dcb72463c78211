using Aura.Controls;

namespace Aura.Server.Tests.Controls;

/// <summary>The control service over a <see cref="JetsonBench"/>: its fixture root and stand-in tools, as root or not.</summary>
internal static class JetsonBenchService
{
    public static ControlService Service(this JetsonBench bench, bool root = true) => new(new ControlServiceOptions
    {
        Root = bench.Root,
        SearchPath = bench.Bin,
        ClocksStorePath = bench.StorePath,
        IsPrivileged = () => root,
    });
}
