using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Reads every process under {root}/proc and returns the top-k by CPU % (of one core, top-style), ties broken by RSS
/// then pid. A process is identified by (pid, start time): a pid reused by a new process starts with no CPU %.
/// Not thread-safe; one reader per sampler, called once per tick.
/// </summary>
/// <remarks>
/// Steady state (no process started or exited since the last tick) allocates only the directory enumerator of the
/// scan (one object, however many processes there are) and the returned array: files are read with open/read/close
/// into reused buffers, pids are parsed from directory entry spans, and the previous counters live in a dictionary
/// reused across ticks. A new pid costs one small history entry; names and users are strings made once per
/// identity (pid, start time, comm), and only for processes that make the top-k.
/// </remarks>
public sealed partial class ProcessReader : IDisposable
{
    /// <summary>The user of a process whose status has no readable `Uid:` line.</summary>
    public const string UnknownUser = "?";

    private readonly string _procPath;
    private readonly ProcessFiles _files;
    private readonly ProcessHistory _history = new();
    private readonly UserNames _users;
    private readonly int _topK;
    private readonly long _ticksPerSecond;
    private readonly long _pageSize;
    private readonly int[] _top;
    private readonly ProcessSample[] _samples;
    private ProcessCandidate[] _candidates = new ProcessCandidate[256];
    private byte[] _comms = new byte[4096];
    private int _candidateCount;
    private int _commsLength;
    private TimeSpan? _previousTick;

    /// <param name="root">The filesystem root to read: "/" in production, a fixture tree in tests.</param>
    /// <param name="topK">How many processes each <see cref="Read"/> returns at most.</param>
    public ProcessReader(string root, int topK = 20)
        : this(root, topK, ClockTicks.PerSecond, Environment.SystemPageSize)
    {
    }

    internal ProcessReader(string root, int topK, long ticksPerSecond, long pageSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _procPath = Path.Join(root, "proc");
        _files = new ProcessFiles(_procPath);
        _users = new UserNames(root);
        _topK = topK;
        _ticksPerSecond = ticksPerSecond;
        _pageSize = pageSize;
        _top = new int[topK];
        _samples = new ProcessSample[topK];
    }

    /// <summary>Stat files held open between scans (only on the real procfs).</summary>
    internal int KeptOpenFiles => _files.KeptOpen;

    /// <summary>Closes the files kept open between scans.</summary>
    public void Dispose() => _history.Clear(_files);

    /// <summary>How many pids the reader remembers; it follows the process list and never outgrows it.</summary>
    internal int TrackedCount => _history.Count;

    /// <summary>
    /// Reads all processes and returns the top-k, best first. CPU % is measured since the previous call, so the first
    /// call has none and ranks by RSS. Processes that exit while being read are left out.
    /// </summary>
    /// <param name="tick">When this sample is taken; CPU % uses the monotonic time since the previous call.</param>
    /// <param name="memoryTotalBytes">MemTotal, for <see cref="ProcessSample.MemoryPercent"/>.</param>
    public ImmutableArray<ProcessSample> Read(Tick tick, long memoryTotalBytes)
    {
        var elapsedSeconds = _previousTick is { } previous ? (tick.Monotonic - previous).TotalSeconds : 0.0;
        _previousTick = tick.Monotonic;
        Scan(elapsedSeconds);
        var count = SelectAndDescribe(memoryTotalBytes);
        return count == 0 ? [] : ImmutableArray.Create(_samples.AsSpan(0, count));
    }

    private void Scan(double elapsedSeconds)
    {
        _candidateCount = 0;
        _commsLength = 0;
        _history.BeginScan();
        try
        {
            using var pids = new ProcessDirectoryEnumerator(_procPath);
            while (pids.MoveNext())
            {
                if (pids.Current != ProcessDirectoryEnumerator.NotAPid)
                {
                    ReadStat(pids.Current, elapsedSeconds);
                }
            }
        }
        catch (IOException)
        {
            // {root}/proc itself is missing or unreadable: there are no processes to report.
        }

        _history.ForgetUnseen(_files);
    }

    private void ReadStat(int pid, double elapsedSeconds)
    {
        var entry = _history.Touch(pid);
        if (!_files.TryReadStat(pid, entry, out var content)
            || !ProcessStatParser.TryParse(content, out var stat, out var comm))
        {
            entry.ClearCounters(); // exited since the directory was listed, or unparsable
            return;
        }

        var cpuPercent = entry.CpuPercentSince(stat, elapsedSeconds, _ticksPerSecond);
        entry.Record(stat);
        AddCandidate(new ProcessCandidate(pid, stat, cpuPercent, _commsLength, comm.Length, entry), comm);
    }

    private void AddCandidate(ProcessCandidate candidate, ReadOnlySpan<byte> comm)
    {
        if (_candidateCount == _candidates.Length)
        {
            Array.Resize(ref _candidates, _candidates.Length * 2);
        }

        if (_commsLength + comm.Length > _comms.Length)
        {
            Array.Resize(ref _comms, Math.Max(_comms.Length * 2, _commsLength + comm.Length));
        }

        comm.CopyTo(_comms.AsSpan(_commsLength));
        _commsLength += comm.Length;
        _candidates[_candidateCount++] = candidate;
    }
}
