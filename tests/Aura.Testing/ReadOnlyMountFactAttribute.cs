namespace Aura.Testing;

/// <summary>A fact that needs a real read-only mount (<see cref="ReadOnlyMount"/>): skipped, with the reason, where mounting is not permitted.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyMountFactAttribute : FactAttribute
{
    public ReadOnlyMountFactAttribute()
    {
        if (ReadOnlyMount.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
