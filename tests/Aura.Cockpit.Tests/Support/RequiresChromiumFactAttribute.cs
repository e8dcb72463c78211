namespace Aura.Cockpit.Tests.Support;

/// <summary>
/// A fact that drives Chromium: skipped with the reason where /usr/bin/chromium is missing, but run (and so failing)
/// under CI=true, where a missing browser is a broken environment.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (!Chromium.Present && !Chromium.IsCi)
        {
            Skip = $"{Chromium.Path} is not installed (scripts/test-deps.sh installs Debian's chromium); under CI=true this test fails instead";
        }
    }
}
