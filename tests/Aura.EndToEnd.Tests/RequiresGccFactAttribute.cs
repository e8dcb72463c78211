namespace Aura.EndToEnd.Tests;

/// <summary>
/// A fact that builds a stand-in native library with gcc: skipped with the reason where gcc is missing, but run (and so
/// failing) under CI=true, where scripts/test-deps.sh has installed it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresGccFactAttribute : FactAttribute
{
    public RequiresGccFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Gcc.Find() is null && !ci)
        {
            Skip = "gcc is not installed (scripts/test-deps.sh installs it); under CI=true this test fails instead";
        }
    }
}
