using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Aura.Controls;

namespace Aura.Server.Jetson;

/// <summary>JetsonScope's snake_case payloads, source-generated. Absent optional fields are left out, as serde accepts.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TegraStatsView))]
[JsonSerializable(typeof(JetsonHardwareView))]
[JsonSerializable(typeof(ImmutableArray<ControlInfo>))]
[JsonSerializable(typeof(ControlInfo))]
[JsonSerializable(typeof(DaemonHealthView))]
[JsonSerializable(typeof(ErrorInfo))]
internal sealed partial class SocketJsonContext : JsonSerializerContext;
