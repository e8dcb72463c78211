namespace Aura.Testing;

/// <summary>
/// A fact that needs external programs (a name found on PATH, or an absolute path): skipped with the reason when the
/// machine lacks one, but run (and so failing) under CI=true, where a missing tool is a broken environment rather than
/// a choice.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        Tools = tools;
        foreach (var tool in tools)
        {
            if (Testing.Tools.Find(tool) is null && !Testing.Tools.IsCi)
            {
                Skip = $"{tool} is not installed (scripts/test-deps.sh installs it); under CI=true this test fails instead";
                return;
            }
        }
    }

    public IReadOnlyList<string> Tools { get; }
}
