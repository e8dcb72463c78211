using Aura.Agent.Planner;
using Aura.Agent.Tests.Support;

namespace Aura.Agent.Tests.Planner;

/// <summary>The Ollama client against a stand-in that follows Ollama's documented /api/chat.</summary>
public sealed class OllamaClientTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Chat_StreamedAnswer_JoinsTheChunksAndSendsTheSchema()
    {
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("""{"actions":[{"action":"done"}]}"""));
        using var http = new HttpClient();

        var answer = await new OllamaClient(http, ollama.Url, Generous).ChatAsync("mistral", "system", "goal", null, PlanSchema.Json, CancellationToken.None);

        answer.ShouldBe("""{"actions":[{"action":"done"}]}""");
        var request = ollama.Requests.Single();
        request.GetProperty("stream").GetBoolean().ShouldBeTrue();
        request.GetProperty("format").GetProperty("required")[0].GetString().ShouldBe("actions");
        request.GetProperty("messages")[1].GetProperty("content").GetString().ShouldBe("goal");
    }

    [Fact]
    public async Task Chat_ModelMissing_SaysToPullIt()
    {
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("[]"), "llava");
        using var http = new HttpClient();

        var error = await Should.ThrowAsync<PlannerException>(() => new OllamaClient(http, ollama.Url, Generous).ChatAsync("mistral", "s", "u", null, null, CancellationToken.None));

        error.Message.ShouldContain("ollama pull mistral");
        error.Message.ShouldContain("not found");
    }

    [Fact]
    public async Task Chat_ErrorMidStream_FailsWithOllamasError()
    {
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("""{"actions":[""", Error: "CUDA out of memory"));
        using var http = new HttpClient();

        var error = await Should.ThrowAsync<PlannerException>(() => new OllamaClient(http, ollama.Url, Generous).ChatAsync("mistral", "s", "u", null, null, CancellationToken.None));

        error.Message.ShouldContain("CUDA out of memory");
    }

    [Fact]
    public async Task Chat_SlowerThanTheTimeout_FailsNamingTheTimeout()
    {
        await using var ollama = await StandInOllama.StartAsync((_, _) => new("[]", Delay: TimeSpan.FromSeconds(30)));
        using var http = new HttpClient();

        var error = await Should.ThrowAsync<PlannerException>(() => new OllamaClient(http, ollama.Url, TimeSpan.FromSeconds(1)).ChatAsync("mistral", "s", "u", null, null, CancellationToken.None));

        error.Message.ShouldContain("did not answer within 1 s");
    }

    [Fact]
    public async Task Chat_NothingListening_SaysOllamaIsUnreachable()
    {
        using var http = new HttpClient();

        var error = await Should.ThrowAsync<PlannerException>(() => new OllamaClient(http, new Uri("http://127.0.0.1:9/"), Generous).ChatAsync("mistral", "s", "u", null, null, CancellationToken.None));

        error.Message.ShouldContain("cannot reach Ollama");
    }
}
