namespace Aura.Testing;

/// <summary>The repository the tests run from: the folder above the test assembly that holds Aura.slnx.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aura.slnx")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (with Aura.slnx) was not found above the test assembly");
        return directory.FullName;
    });

    public static string Root => RootPath.Value;
}
