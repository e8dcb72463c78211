using Aura.Server.Jetson;

namespace Aura.Server.Tests.Jetson;

public sealed class SocketPathsTests
{
    [Fact]
    public void Resolve_FlagWins()
    {
        var path = SocketPaths.Resolve("/run/custom.sock", Variables(("JETSONSCOPE_SOCKET_PATH", "/tmp/env.sock")));

        path.ShouldBe("/run/custom.sock");
    }

    [Fact]
    public void Resolve_JetsonScopeVariable_ThenLegacy()
    {
        SocketPaths.Resolve(null, Variables(("JETSONSCOPE_SOCKET_PATH", "/tmp/env.sock"), ("TEGRA_SOCKET_PATH", "/tmp/legacy.sock"))).ShouldBe("/tmp/env.sock");
        SocketPaths.Resolve(null, Variables(("TEGRA_SOCKET_PATH", "/tmp/legacy.sock"))).ShouldBe("/tmp/legacy.sock");
    }

    [Fact]
    public void Resolve_Default_IsPerUserRuntimePath()
    {
        SocketPaths.Resolve(null, Variables(("RUNTIME_DIRECTORY", "/run/aura"))).ShouldBe("/run/aura/jetsonscope.sock");
        SocketPaths.Resolve(null, Variables(("XDG_RUNTIME_DIR", "/run/user/1000"))).ShouldBe("/run/user/1000/aura/jetsonscope.sock");
        SocketPaths.Resolve(null, Variables()).ShouldBe(Path.Join(Path.GetTempPath(), "aura-" + Environment.UserName, "jetsonscope.sock"));
    }

    [Fact]
    public void Resolve_RelativeXdgRuntimeDir_IsIgnored()
    {
        SocketPaths.Resolve(null, Variables(("XDG_RUNTIME_DIR", "relative/dir"))).ShouldStartWith(Path.GetTempPath());
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
