using System.Collections.Immutable;

namespace Aura.Server.Auth;

/// <summary>
/// <c>GET /api/v1/session</c>: whether this browser is signed in (and with which scopes, or whether its session expired),
/// and which optional parts the server has, so the cockpit asks only for what exists.
/// </summary>
public sealed record SessionInfo(bool SignedIn, bool Expired, ImmutableArray<string> Scopes, bool History, bool Events, int Controls);
