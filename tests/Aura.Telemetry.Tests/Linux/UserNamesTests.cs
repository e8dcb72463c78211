using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class UserNamesTests
{
    [Theory]
    [InlineData(0u, "root")]
    [InlineData(1000u, "alice")]
    [InlineData(1001u, "bob")] // after a blank line
    public void Resolve_UidInPasswd_ReturnsItsName(uint uid, string expected) =>
        new UserNames(Fixtures.Root("malformed")).Resolve(uid).ShouldBe(expected);

    [Theory]
    [InlineData(4242u, "4242")] // in no line
    [InlineData(1u, "1")] // only on a line with an empty name
    [InlineData(12u, "12")] // only as the prefix of a non-numeric uid "12x"
    public void Resolve_UidNotNamedInPasswd_ReturnsTheNumber(uint uid, string expected) =>
        new UserNames(Fixtures.Root("malformed")).Resolve(uid).ShouldBe(expected);

    [Fact]
    public void Resolve_NoPasswdFile_ReturnsTheNumber()
    {
        using var tree = ProcessTree.Copy("malformed");
        File.Delete(Path.Combine(tree.Root, "etc", "passwd"));

        new UserNames(tree.Root).Resolve(0).ShouldBe("0");
    }

    [Fact]
    public void Resolve_SameUidTwice_ReadsPasswdOnceAndReturnsTheSameString()
    {
        using var tree = ProcessTree.Copy("malformed");
        var users = new UserNames(tree.Root);
        var first = users.Resolve(1000);
        File.Delete(Path.Combine(tree.Root, "etc", "passwd"));

        var second = users.Resolve(1000);

        second.ShouldBeSameAs(first);
        second.ShouldBe("alice");
    }
}
