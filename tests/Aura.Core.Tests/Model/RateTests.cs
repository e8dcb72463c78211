using Aura.Core.Numerics;

namespace Aura.Core.Tests.Model;

public sealed class RateTests
{
    [Theory]
    [InlineData(100, 300, 2.0, 100.0)]
    [InlineData(5, 5, 1.0, 0.0)]
    public void PerSecond_GrowingCounter_IsDeltaOverElapsed(long before, long after, double seconds, double expected) =>
        Rate.PerSecond(before, after, seconds).ShouldBe(expected);

    [Theory]
    [InlineData(300, 100, 1.0)]
    [InlineData(100, 300, 0.0)]
    [InlineData(100, 300, -1.0)]
    public void PerSecond_ResetOrNoElapsedTime_IsAbsentNotASpike(long before, long after, double seconds) =>
        Rate.PerSecond(before, after, seconds).ShouldBeNull();
}
