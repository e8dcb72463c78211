using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Aura.Server.Api;

/// <summary>Aura's own API bodies: snake_case like the snapshot JSON, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(ImmutableArray<SeriesInfo>))]
[JsonSerializable(typeof(TimelineResponse))]
[JsonSerializable(typeof(TopProcessesResponse))]
[JsonSerializable(typeof(ValuesResponse))]
[JsonSerializable(typeof(Auth.SessionInfo))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
