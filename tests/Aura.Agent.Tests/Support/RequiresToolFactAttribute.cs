namespace Aura.Agent.Tests.Support;

/// <summary>A fact that needs external programs: skipped with the reason when one is missing, failing under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] tools)
    {
        foreach (var tool in tools)
        {
            if (Tools.Find(tool) is null && !Tools.IsCi)
            {
                Skip = $"{tool} is not installed (scripts/test-deps.sh installs it); under CI=true this test fails instead";
                return;
            }
        }
    }
}
