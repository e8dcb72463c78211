using System.Collections.Immutable;
using Aura.Controls;
using Aura.Core.Model;

namespace Aura.Server.Jetson;

/// <summary>JetsonScope's response variants. Each codec writes the variant's name as the tag and the payload under it.</summary>
public abstract record SocketResponse
{
    private protected SocketResponse()
    {
    }

    /// <summary><c>Stats { source, data }</c>, plus Aura's whole snapshot under <c>snapshot</c> (JetsonScope clients ignore it).</summary>
    public sealed record Stats(string Source, TegraStatsView? Data, Snapshot? Snapshot) : SocketResponse;

    public sealed record Meta(JetsonHardwareView Hardware) : SocketResponse;

    public sealed record Controls(ImmutableArray<ControlInfo> Items) : SocketResponse;

    public sealed record Health(DaemonHealthView Report) : SocketResponse;

    public sealed record ControlState(ControlInfo Control) : SocketResponse;

    /// <summary>Written as JetsonScope's <c>Error</c> variant.</summary>
    public sealed record Failure(ErrorInfo Info) : SocketResponse;
}
