namespace Aura.Cockpit.Tests.Support;

internal static class RepoPaths
{
    /// <summary>Where screenshots and measured figures go (git-ignored; copies worth keeping live in docs/screenshots).</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Repository.Root, "tests", "Aura.Cockpit.Tests", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
