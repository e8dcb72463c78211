using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class HomePathTests
{
    [Theory]
    [InlineData("~", "/home/me")]
    [InlineData("~/.local/share/argus/events.db", "/home/me/.local/share/argus/events.db")]
    [InlineData("$HOME/aura.sqlite", "/home/me/aura.sqlite")]
    [InlineData("${HOME}/aura.sqlite", "/home/me/aura.sqlite")]
    [InlineData("~bob/aura.sqlite", "~bob/aura.sqlite")]
    [InlineData("/var/lib/~/x", "/var/lib/~/x")]
    [InlineData("$HOMEDIR/x", "$HOMEDIR/x")]
    [InlineData("relative/~", "relative/~")]
    public void Expand_LeadingHome_ExpandedElseUnchanged(string path, string expected)
    {
        HomePath.Expand(path, "/home/me").ShouldBe(expected);
    }

    [Fact]
    public void Expand_HomeUnknown_PathUnchanged()
    {
        HomePath.Expand("~/x", null).ShouldBe("~/x");
    }

    [Fact]
    public void Resolve_DbPathWithTildeInConfigAndVariable_ExpandsToHome()
    {
        using var environment = new ConfigTestEnvironment();
        environment.WriteDefaultConfig("""
            [persistence]
            db_path = "~/dvr/aura.sqlite"
            """);

        environment.Resolve().DbPath.ShouldBe(Path.Combine(environment.Home.Path, "dvr", "aura.sqlite"));
        environment.Set("AURA_DB_PATH", "$HOME/other.sqlite");
        environment.Resolve().DbPath.ShouldBe(Path.Combine(environment.Home.Path, "other.sqlite"));
    }
}
