using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class ProcessRankingTests
{
    [Fact]
    public void SelectTop_MoreCandidatesThanPlaces_KeepsTheBestInOrder()
    {
        ProcessCandidate[] candidates =
        [
            Candidate(pid: 10, cpu: 5, rss: 1),
            Candidate(pid: 11, cpu: null, rss: 900), // first sighting ranks as 0 %
            Candidate(pid: 12, cpu: 50, rss: 1),
            Candidate(pid: 13, cpu: 5, rss: 2),
            Candidate(pid: 9, cpu: 5, rss: 2),
            Candidate(pid: 14, cpu: 0, rss: 800),
        ];
        var top = new int[4];

        var count = ProcessRanking.SelectTop(candidates, top);

        count.ShouldBe(4);
        top.Select(i => candidates[i].Pid).ShouldBe([12, 9, 13, 10]);
    }

    [Fact]
    public void SelectTop_SomeTaken_SkipsThemAndReturnsFewer()
    {
        ProcessCandidate[] candidates =
        [
            Candidate(pid: 1, cpu: 90, rss: 1) with { Taken = true },
            Candidate(pid: 2, cpu: null, rss: 5),
            Candidate(pid: 3, cpu: 0, rss: 5),
        ];
        var top = new int[5];

        var count = ProcessRanking.SelectTop(candidates, top);

        top[..count].Select(i => candidates[i].Pid).ShouldBe([2, 3]);
    }

    private static ProcessCandidate Candidate(int pid, double? cpu, long rss) =>
        new(pid, new ProcessStat('S', 0, 1, 1, rss, 1), cpu, 0, 0, new ProcessEntry());
}
