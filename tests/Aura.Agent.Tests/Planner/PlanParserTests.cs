using Aura.Agent.Actions;
using Aura.Agent.Planner;

namespace Aura.Agent.Tests.Planner;

public sealed class PlanParserTests
{
    [Fact]
    public void TryParse_AuraOsBareArray_IsAccepted()
    {
        PlanParser.TryParse("""[{"action":"click","x":100,"y":200},{"action":"key","key":"enter"}]""", 1920, 1080, out var plan, out var error).ShouldBeTrue(error);

        plan!.Actions.Select(a => a.Action.Kind).ShouldBe([ActionKind.Click, ActionKind.Key]);
        plan.Actions[0].Json.ShouldBe("""{"action":"click","x":100,"y":200}""");
    }

    [Theory]
    [InlineData("Sure! Here is the plan: [", "not JSON")]
    [InlineData("""{"steps":[]}""", "must be {\"actions\"")]
    [InlineData("""{"actions":[]}""", "no actions")]
    [InlineData("""{"actions":[{"action":"click","x":5000,"y":1}]}""", "field x")]
    [InlineData("""{"actions":[{"action":"run","cmd":"rm -rf /"}]}""", "unknown action")]
    public void TryParse_InvalidAnswer_GivesTheReason(string answer, string reason)
    {
        PlanParser.TryParse(answer, 1920, 1080, out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void TryParse_MoreThanTenActions_IsRefused()
    {
        var answer = "[" + string.Join(',', Enumerable.Repeat("""{"action":"wait","duration":0}""", 11)) + "]";

        PlanParser.TryParse(answer, 1920, 1080, out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull().ShouldContain("at most 10");
    }
}
