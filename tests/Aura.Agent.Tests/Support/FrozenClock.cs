namespace Aura.Agent.Tests.Support;

/// <summary>A clock that never moves: every action lands in the same second.</summary>
internal sealed class FrozenClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

    public override long GetTimestamp() => 1_000_000;
}
