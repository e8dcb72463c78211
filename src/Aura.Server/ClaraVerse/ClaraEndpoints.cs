using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aura.Core.Model;
using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Aura.Server.Sampling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.ClaraVerse;

/// <summary>ClaraVerse's REST API: <c>/api/health</c>, <c>/api/stats</c> and one route per section, readable without a key on loopback.</summary>
internal static class ClaraEndpoints
{
    private const string Json = "application/json";

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        var group = app.MapGroup("/api").WithMetadata(AccessRule.LoopbackStats);
        group.MapGet("/health", () => Health(state));
        group.MapGet("/stats", () => Latest(state) is { } frame ? TypedResults.Bytes(frame.ClaraStats(ClaraStatsBody.Render), Json) : Problems.NoSampleYet());
        group.MapGet("/stats/cpu", () => Section(state, s => ClaraView.Cpu(s), C.ClaraCpu));
        group.MapGet("/stats/memory", () => Section(state, s => ClaraView.Memory(s.Memory), C.ClaraMemory));
        group.MapGet("/stats/gpu", () => Section(state, ClaraView.Gpus, C.ImmutableArrayClaraGpu));
        group.MapGet("/stats/disk", () => Section(state, ClaraView.Disks, C.ImmutableArrayClaraDisk));
        group.MapGet("/stats/network", () => Section(state, s => ClaraView.Network(s.Network), C.ClaraNetwork));
        group.MapGet("/stats/processes", () => Section(state, ClaraView.Processes, C.ImmutableArrayClaraProcess));
    }

    /// <summary>The health body; also what the health log writes and the socket's GetHealth reports.</summary>
    public static ClaraHealth HealthOf(ServerState state)
    {
        var latest = state.Hub.Latest;
        var interval = state.Options.Interval;
        var stale = latest is null || state.Clock.GetUtcNow() - latest.Snapshot.Timestamp > 3 * interval + TimeSpan.FromSeconds(1);
        var storage = state.Storage.Problem;
        var reason = stale
            ? (latest is null ? "no snapshot has been taken yet" : $"no snapshot since {latest.Snapshot.Timestamp:O}") + (storage is null ? "" : "; " + storage)
            : storage;
        return new ClaraHealth(
            reason is null ? "healthy" : "degraded",
            "aura",
            ServerVersion.Current,
            state.Clock.GetUtcNow(),
            Math.Round(state.Uptime.TotalSeconds, 3),
            state.Hub.Ticks,
            state.Counters.ConnectedClients,
            interval.TotalSeconds,
            state.Storage.Errors,
            reason)
        {
            Otlp = state.Otlp is { } otlp ? Otlp.OtlpHealth.Of(otlp) : null,
        };
    }

    private static ClaraJsonContext C => ClaraJsonContext.Default;

    private static FileContentHttpResult Health(ServerState state) =>
        TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(HealthOf(state), C.ClaraHealth), Json);

    private static TickFrame? Latest(ServerState state) => state.Hub.Latest;

    private static IResult Section<T>(ServerState state, Func<Snapshot, T> view, JsonTypeInfo<T> type) =>
        Latest(state) is { } frame
            ? TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(view(frame.Snapshot), type), Json)
            : Problems.NoSampleYet();
}
