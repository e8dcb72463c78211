namespace Aura.Server.Tests.Support;

/// <summary>
/// A fact that needs an external program: skipped with the reason when the machine lacks it, but run (and so failing)
/// under CI=true, where a missing tool is a broken environment rather than a choice.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        Tool = tool;
        if (Tools.Find(tool) is null && !Tools.IsCi)
        {
            Skip = $"{tool} is not installed (scripts/test-deps.sh installs it); under CI=true this test fails instead";
        }
    }

    public string Tool { get; }
}
