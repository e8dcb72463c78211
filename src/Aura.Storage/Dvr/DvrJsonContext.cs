using System.Text.Json.Serialization;

namespace Aura.Storage.Dvr;

/// <summary>Source-generated JSON (snake_case, AOT-safe) for the DVR's API shapes: <c>aura db stats --json</c>, timelines, process history.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(DvrTierJsonConverter)])]
[JsonSerializable(typeof(DvrStats))]
[JsonSerializable(typeof(TimelineResult))]
[JsonSerializable(typeof(DvrTick))]
[JsonSerializable(typeof(DvrProcessTick))]
[JsonSerializable(typeof(IReadOnlyList<DvrProcessUsage>))]
[JsonSerializable(typeof(DvrImportResult))]
public sealed partial class DvrJsonContext : JsonSerializerContext;
