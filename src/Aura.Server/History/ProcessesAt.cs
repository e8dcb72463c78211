using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Server.History;

/// <summary>The recorded top-k of one tick, and when that tick was taken.</summary>
public sealed record ProcessesAt(DateTimeOffset Time, ImmutableArray<ProcessSample> Processes);
