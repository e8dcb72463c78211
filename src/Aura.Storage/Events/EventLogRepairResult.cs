namespace Aura.Storage.Events;

/// <summary>What <see cref="EventLogRepair"/> did: the repaired file, where the damaged one was kept, events kept and lost.</summary>
public sealed record EventLogRepairResult(string Path, string DamagedCopy, long Kept, long Lost);
