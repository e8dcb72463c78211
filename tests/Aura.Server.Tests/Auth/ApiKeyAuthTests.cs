using System.Net;
using Aura.Core.Config;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Auth;

public sealed class ApiKeyAuthTests
{
    private static readonly Uri Snapshot = new("/api/v1/snapshot", UriKind.Relative);

    [Fact]
    public async Task KeyedEndpoint_NoKeysConfigured_Is401SayingHowToMakeOne()
    {
        await using var running = await RunningServer.StartAsync();

        var response = await running.Http.GetAsync(Snapshot);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json.ReadAsync(response);
        problem.GetProperty("code").GetString().ShouldBe("missing_api_key");
        problem.GetProperty("detail").GetString()!.ShouldContain("aura config init");
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized, "missing_api_key")]
    [InlineData("X-API-Key", "wrong-key-0123456789abcdef", HttpStatusCode.Unauthorized, "invalid_api_key")]
    [InlineData("Authorization", "Bearer wrong-key-0123456789abcdef", HttpStatusCode.Unauthorized, "invalid_api_key")]
    [InlineData("X-API-Key", Keys.Ingest, HttpStatusCode.Forbidden, "insufficient_scope")]
    [InlineData("X-API-Key", Keys.Read, HttpStatusCode.OK, null)]
    [InlineData("Authorization", "Bearer " + Keys.Read, HttpStatusCode.OK, null)]
    [InlineData("X-API-Key", Keys.Admin, HttpStatusCode.OK, null)]
    public async Task KeyedEndpoint_WithKeys_ChecksKeyAndScope(string? header, string? value, HttpStatusCode expected, string? code)
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });
        using var request = new HttpRequestMessage(HttpMethod.Get, Snapshot);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        var response = await running.Http.SendAsync(request);

        response.StatusCode.ShouldBe(expected);
        if (code is not null)
        {
            (await Json.ReadAsync(response)).GetProperty("code").GetString().ShouldBe(code);
        }
        else
        {
            (await Json.ReadAsync(response)).GetProperty("memory").GetProperty("total_bytes").GetInt64().ShouldBe(FakeSource.TotalMemory);
        }
    }

    [Fact]
    public async Task OpenStats_WrongKey_IsStill401()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Keys = Keys.Set });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stats", UriKind.Relative));
        request.Headers.Add("X-API-Key", "typo-key-0123456789abcdef");

        var response = await running.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a wrong key never passes silently, even where none is needed");
    }

    [Fact]
    public async Task OpenStats_HostHeaderNotLoopback_NeedsAKey()
    {
        // A page on evil.example that rebinds its DNS name to 127.0.0.1 still sends its own name as Host.
        await using var running = await RunningServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stats", UriKind.Relative));
        request.Headers.Host = "evil.example:8765";

        var response = await running.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("::")]
    public void Build_NonLoopbackHostWithoutKeys_IsRefused(string host)
    {
        var options = RunningServer.Defaults with { Host = host };
        using var source = new FakeSource(TimeProvider.System);

        var error = Should.Throw<ConfigException>(() => RunningServer.Build(options, source));

        error.Message.ShouldContain("aura config init");
    }

    [Fact]
    public async Task Build_NonLoopbackHostWithKeys_IsAllowed()
    {
        using var source = new FakeSource(TimeProvider.System);

        await using var server = RunningServer.Build(RunningServer.Defaults with { Host = "0.0.0.0", Keys = Keys.Set }, source);

        server.Server.Options.Host.ShouldBe("0.0.0.0");
    }

    [Fact]
    public void Build_HostThatIsNotAnAddress_IsAConfigError()
    {
        using var source = new FakeSource(TimeProvider.System);

        Should.Throw<ConfigException>(() => RunningServer.Build(RunningServer.Defaults with { Host = "my host" }, source))
            .Message.ShouldContain("--host");
    }
}
