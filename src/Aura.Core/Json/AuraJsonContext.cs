using System.Text.Json.Serialization;
using Aura.Core.Model;

namespace Aura.Core.Json;

/// <summary>Source-generated JSON for the snapshot model (snake_case keys; also what Native AOT needs).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Snapshot))]
public sealed partial class AuraJsonContext : JsonSerializerContext;
