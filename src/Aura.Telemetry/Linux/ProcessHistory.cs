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

    /// <summary>Drops the pids this scan did not see, closing what <paramref name="files"/> kept open for them.</summary>
    public void ForgetUnseen(ProcessFiles files)
    {
        // Removing while enumerating is allowed for Dictionary since .NET Core 3.0.
        foreach (var (pid, entry) in _entries)
        {
            if (entry.Generation != _generation)
            {
                files.Release(entry);
                _entries.Remove(pid);
            }
        }
    }

    /// <summary>Forgets every pid, closing what <paramref name="files"/> kept open.</summary>
    public void Clear(ProcessFiles files)
    {
        foreach (var entry in _entries.Values)
        {
            files.Release(entry);
        }

        _entries.Clear();
    }
}
