using System.Collections.Immutable;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Series;
using Aura.Server.Hosting;
using Aura.Server.Sampling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aura.Server.Api;

/// <summary><c>/api/v1/snapshot</c> (the latest snapshot, Aura's own JSON) and <c>/api/v1/series</c> (the catalog with units).</summary>
internal static class SnapshotEndpoints
{
    private const string Json = "application/json";

    private static readonly Lazy<byte[]> Catalog = new(RenderCatalog);

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapGet("/api/v1/snapshot", () =>
            state.Hub.Latest is { } frame ? TypedResults.Bytes(frame.SnapshotJson(RenderSnapshot), Json) : Problems.NoSampleYet());
        app.MapGet("/api/v1/series", () => TypedResults.Bytes(Catalog.Value, Json));
    }

    internal static byte[] RenderSnapshot(TickFrame frame) => JsonSerializer.SerializeToUtf8Bytes(frame.Snapshot, AuraJsonContext.Default.Snapshot);

    private static byte[] RenderCatalog()
    {
        var series = ImmutableArray.CreateBuilder<SeriesInfo>(SeriesCatalog.All.Length);
        foreach (var family in SeriesCatalog.All)
        {
            ImmutableArray<string> labels = family.LabelCount switch
            {
                0 => [],
                1 => [family.Label1!],
                _ => [family.Label1!, family.Label2!],
            };
            var kind = family.Kind == SeriesKind.Counter ? "counter" : "gauge";
            series.Add(new SeriesInfo(family.Name, family.Help, family.Unit, kind, family.Precision, labels));
        }

        return JsonSerializer.SerializeToUtf8Bytes(series.MoveToImmutable(), ServerJsonContext.Default.ImmutableArraySeriesInfo);
    }
}
