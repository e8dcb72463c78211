using System.Text;
using Aura.Core.Model;

namespace Aura.Telemetry.Linux;

/// <summary>Picks the top-k and fills in what only they need: name and user.</summary>
public sealed partial class ProcessReader
{
    private int SelectAndDescribe(long memoryTotalBytes)
    {
        var candidates = _candidates.AsSpan(0, _candidateCount);
        var count = 0;

        // One pass normally; another only for the places of processes that vanished while being described.
        while (count < _topK)
        {
            var top = _top.AsSpan(0, _topK - count);
            var selected = ProcessRanking.SelectTop(candidates, top);
            if (selected == 0)
            {
                break;
            }

            foreach (var index in top[..selected])
            {
                ref var candidate = ref candidates[index];
                candidate.Taken = true;
                if (TryDescribe(candidate, memoryTotalBytes, out _samples[count]))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private bool TryDescribe(in ProcessCandidate candidate, long memoryTotalBytes, out ProcessSample sample)
    {
        var stat = candidate.Stat;
        var entry = candidate.Entry;
        var comm = _comms.AsSpan(candidate.CommStart, candidate.CommLength);
        if (!entry.HasDetailsFor(stat.StartTime, comm))
        {
            if (!TryResolveDetails(candidate.Pid, comm, out var name, out var user))
            {
                sample = default;
                return false;
            }

            entry.SetDetails(stat.StartTime, comm, name, user);
        }

        var rssBytes = stat.RssPages * _pageSize;
        var memoryPercent = memoryTotalBytes > 0 ? rssBytes * 100.0 / memoryTotalBytes : 0.0;
        sample = new ProcessSample(
            candidate.Pid, stat.StartTime, entry.Name!, entry.User!, stat.State, candidate.CpuPercent, rssBytes, memoryPercent, stat.Threads)
        {
            Ppid = stat.ParentPid,
        };
        return true;
    }

    /// <summary>False when the process exited after its stat was read (its status or cmdline is gone).</summary>
    private bool TryResolveDetails(int pid, ReadOnlySpan<byte> comm, out string name, out string user)
    {
        name = user = string.Empty;
        if (!_files.TryRead(pid, "status"u8, out var status))
        {
            return false;
        }

        user = ProcessStatusParser.TryParseRealUid(status, out var uid) ? _users.Resolve(uid) : UnknownUser;
        if (!ProcessNames.MayBeTruncated(comm))
        {
            name = Encoding.UTF8.GetString(comm);
            return true;
        }

        if (!_files.TryRead(pid, "cmdline"u8, out var cmdline))
        {
            return false;
        }

        name = Encoding.UTF8.GetString(ProcessNames.Untruncate(comm, cmdline));
        return true;
    }
}
