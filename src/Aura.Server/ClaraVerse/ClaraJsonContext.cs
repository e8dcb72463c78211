using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Aura.Server.ClaraVerse;

/// <summary>ClaraVerse's camelCase field names, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(ClaraStats))]
[JsonSerializable(typeof(ClaraHealth))]
[JsonSerializable(typeof(ClaraCpu))]
[JsonSerializable(typeof(ClaraMemory))]
[JsonSerializable(typeof(ClaraNetwork))]
[JsonSerializable(typeof(ImmutableArray<ClaraGpu>))]
[JsonSerializable(typeof(ImmutableArray<ClaraDisk>))]
[JsonSerializable(typeof(ImmutableArray<ClaraProcess>))]
internal sealed partial class ClaraJsonContext : JsonSerializerContext;
