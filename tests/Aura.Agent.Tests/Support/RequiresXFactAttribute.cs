namespace Aura.Agent.Tests.Support;

/// <summary>
/// A fact that needs a real X server and clients (Xvfb, xterm, xdotool): skipped with the reason when the machine lacks
/// one, but run (and so failing) under CI=true, where a missing tool is a broken environment.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresXFactAttribute : FactAttribute
{
    public RequiresXFactAttribute()
    {
        foreach (var tool in new[] { "Xvfb", "xterm", "xdotool" })
        {
            if (Tools.Find(tool) is null && !Tools.IsCi)
            {
                Skip = $"{tool} is not installed (scripts/test-deps.sh installs it); under CI=true this test fails instead";
                return;
            }
        }
    }
}
