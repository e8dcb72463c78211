namespace Aura.Benchmarks.Dvr;

/// <summary>A clock fixed at a chosen instant: "now" for retention and compaction while replaying a trace.</summary>
internal sealed class DvrReplayClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
