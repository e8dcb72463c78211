using Aura.Storage.Events;

namespace Aura.Server.Events;

/// <summary>The event log's resolved settings, and where its path came from (an explicit path that fails is an error).</summary>
public sealed record EventSettings(EventLogOptions? Options, bool PathIsExplicit, string PathOrigin);
