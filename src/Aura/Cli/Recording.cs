using Aura.Core.Config;
using Aura.Server.History;
using Aura.Storage.Dvr;

namespace Aura.Cli;

/// <summary>The DVR `aura` records live snapshots into, opened by the policy `aura serve` shares (<see cref="DvrFiles"/>).</summary>
internal static class Recording
{
    public static DvrWriter? Open(AuraConfig config, LiveRequest request, TimeProvider clock, TextWriter warnings) =>
        request.NoPersist ? null : DvrFiles.OpenWriter(config, clock, warnings, "printing live").Writer;
}
