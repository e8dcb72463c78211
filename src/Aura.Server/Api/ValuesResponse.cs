namespace Aura.Server.Api;

/// <summary><c>/api/v1/values?at=T</c>: the recorded tick's time in epoch seconds and every series value by key.</summary>
public sealed record ValuesResponse(double Time, IReadOnlyDictionary<string, double> Values);
