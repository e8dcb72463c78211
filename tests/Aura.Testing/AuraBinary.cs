namespace Aura.Testing;

/// <summary>
/// The `aura` executable under test: the one AURA_TEST_BINARY names (scripts/test-aot.sh points it at the Native AOT
/// build, the one that ships), else the JIT build of this test assembly's configuration.
/// </summary>
public static class AuraBinary
{
    public const string Variable = "AURA_TEST_BINARY";

    private static readonly Lazy<string> PathToBinary = new(Find);

    public static string Path => PathToBinary.Value;

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } shipped)
        {
            File.Exists(shipped).ShouldBeTrue($"{Variable} names {shipped}, which does not exist");
            return System.IO.Path.GetFullPath(shipped);
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var binary = System.IO.Path.Combine(Repository.Root, "src", "Aura", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "aura.exe" : "aura");
        File.Exists(binary).ShouldBeTrue($"the aura executable was not built at {binary}");
        return binary;
    }
}
