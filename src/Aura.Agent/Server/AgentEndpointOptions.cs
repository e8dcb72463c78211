using Aura.Agent.Actions;
using Aura.Core.Events;
using Aura.Server.Auth;

namespace Aura.Agent.Server;

/// <summary>What the action server's WebSocket needs: keys, the display, where screenshots go, the audit trail and a clock.</summary>
public sealed record AgentEndpointOptions
{
    public required ApiKeySet Keys { get; init; }

    public required string Display { get; init; }

    public required ScreenshotStore Screenshots { get; init; }

    public IAuditTrail? Audit { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A connection must authenticate within this long.</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxActionsPerSecond { get; init; } = ActionLimits.MaxActionsPerSecond;
}
