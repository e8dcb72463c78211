using Aura.Storage.Dvr;

namespace Aura.Server.Api;

/// <summary><c>/api/v1/processes?from=&amp;to=</c>: the window in epoch seconds and the processes that used the most CPU time in it.</summary>
public sealed record TopProcessesResponse(double From, double To, IReadOnlyList<DvrProcessUsage> Processes);
