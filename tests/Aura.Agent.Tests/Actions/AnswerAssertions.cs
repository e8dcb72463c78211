using System.Text.Json;

namespace Aura.Agent.Tests.Actions;

internal static class AnswerAssertions
{
    public static void ShouldBeSuccess(this JsonElement answer, string action)
    {
        answer.GetProperty("success").GetBoolean().ShouldBeTrue(answer.ToString());
        answer.GetProperty("action").GetString().ShouldBe(action);
    }

    public static void ShouldBeRefused(this JsonElement answer, string field, string errorContains)
    {
        answer.GetProperty("success").GetBoolean().ShouldBeFalse(answer.ToString());
        answer.GetProperty("field").GetString().ShouldBe(field, answer.ToString());
        answer.GetProperty("error").GetString()!.ShouldContain(errorContains, Case.Insensitive, answer.ToString());
    }
}
