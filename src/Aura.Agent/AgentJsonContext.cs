using System.Text.Json.Serialization;
using Aura.Agent.Screen;

namespace Aura.Agent;

/// <summary>Every JSON shape the agent reads or writes, source-generated (Native AOT).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiffReport))]
[JsonSerializable(typeof(Actions.ActionAnswer))]
[JsonSerializable(typeof(Checks.CheckReport))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
