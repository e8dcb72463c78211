namespace Aura.Storage.Tests.Support;

/// <summary>
/// A clock the test moves by hand. Microsoft.Extensions.TimeProvider.Testing is not pinned in this solution's
/// packages, and the DVR only asks for the current time here (tests flush and run maintenance explicitly).
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void SetUtcNow(DateTimeOffset now) => _now = now;
}
