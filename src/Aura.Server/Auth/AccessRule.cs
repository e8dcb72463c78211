namespace Aura.Server.Auth;

/// <summary>
/// Who may call an endpoint: a key (or session) with <see cref="Scope"/>, or anyone on loopback when
/// <see cref="OpenOnLoopback"/>, or anyone at all when <see cref="Public"/>. An endpoint without a rule needs a read key.
/// A refusal of an endpoint with <see cref="AuditRefusals"/> is written to the audit trail (control changes).
/// </summary>
internal sealed record AccessRule(ApiScopes Scope, bool OpenOnLoopback = false, bool AcceptsMetricsToken = false, bool Public = false, bool AuditRefusals = false)
{
    public static AccessRule RequireRead { get; } = new(ApiScopes.Read);

    public static AccessRule LoopbackStats { get; } = new(ApiScopes.Read, OpenOnLoopback: true);

    public static AccessRule Anyone { get; } = new(ApiScopes.None, Public: true);
}
