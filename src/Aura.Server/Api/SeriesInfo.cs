using System.Collections.Immutable;

namespace Aura.Server.Api;

/// <summary>One catalog family in <c>/api/v1/series</c>: its name, unit, kind, storage precision and label names.</summary>
public sealed record SeriesInfo(string Name, string Help, string Unit, string Kind, double Precision, ImmutableArray<string> Labels);
