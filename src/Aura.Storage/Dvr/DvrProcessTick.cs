using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Storage.Dvr;

/// <summary>The top-k processes of one stored tick, in the order the sampler ranked them.</summary>
public sealed record DvrProcessTick(DateTimeOffset Timestamp, ImmutableArray<ProcessSample> Processes);
