namespace Aura.Telemetry.Linux;

/// <summary>
/// The reader's memory, keyed by pid and reused across scans. An entry lives as long as its /proc/[pid] directory:
/// a scan that does not see the pid drops it, so the table never outgrows the process list.
/// </summary>
internal sealed class ProcessHistory
{
    private readonly Dictionary<int, ProcessEntry> _entries = [];
    private int _generation;

    public int Count => _entries.Count;

    public void BeginScan() => _generation++;

    /// <summary>The entry for a pid seen in this scan, created on the pid's first sighting.</summary>
    public ProcessEntry Touch(int pid)
    {
        if (!_entries.TryGetValue(pid, out var entry))
        {
            entry = new ProcessEntry();
            _entries.Add(pid, entry);
        }

        entry.Generation = _generation;
        return entry;
    }

    public void ForgetUnseen()
    {
        // Removing while enumerating is allowed for Dictionary since .NET Core 3.0.
        foreach (var (pid, entry) in _entries)
        {
            if (entry.Generation != _generation)
            {
                _entries.Remove(pid);
            }
        }
    }
}
