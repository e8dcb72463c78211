namespace Aura.Server.Api;

/// <summary>
/// An error body (<c>application/problem+json</c>): what went wrong, the HTTP status, a sentence for people, and for
/// machines the <see cref="Field"/> at fault and a stable <see cref="Code"/>.
/// </summary>
public sealed record ApiProblem(string Title, int Status, string Detail, string? Field = null, string? Code = null);
