using System.Collections.Immutable;
using Aura.Server.History;

namespace Aura.Server.Api;

/// <summary><c>/api/v1/processes?from=&amp;to=</c>: the window in epoch seconds and every process seen in it.</summary>
public sealed record ProcessHistoryResponse(double From, double To, ImmutableArray<ProcessActivity> Processes);
