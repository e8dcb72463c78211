using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aura.Storage.Dvr;

/// <summary>Tiers as "raw", "minute", "hour".</summary>
internal sealed class DvrTierJsonConverter() : JsonStringEnumConverter<DvrTier>(JsonNamingPolicy.SnakeCaseLower);
