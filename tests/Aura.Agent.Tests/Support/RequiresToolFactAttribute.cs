namespace Aura.Agent.Tests.Support;

/// <summary>A fact that needs one external program: skipped with the reason when it is missing, failing under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        if (Tools.Find(tool) is null && !Tools.IsCi)
        {
            Skip = $"{tool} is not installed (scripts/test-deps.sh installs it); under CI=true this test fails instead";
        }
    }
}
