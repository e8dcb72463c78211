using System.Text.Json.Serialization;

namespace Aura.Agent.Screen;

/// <summary>AuraOS's diff result, field for field, plus the changed share and the OCR'd text.</summary>
public sealed record DiffReport
{
    [JsonPropertyName("changed_regions")]
    public required IReadOnlyList<RegionJson> ChangedRegions { get; init; }

    [JsonPropertyName("is_first_frame")]
    public required bool IsFirstFrame { get; init; }

    [JsonPropertyName("screen_width")]
    public required int ScreenWidth { get; init; }

    [JsonPropertyName("screen_height")]
    public required int ScreenHeight { get; init; }

    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    /// <summary>Changed cells' share of the screen, 0 to 1.</summary>
    [JsonPropertyName("changed_share")]
    public required double ChangedShare { get; init; }

    /// <summary>Text tesseract read from the changed regions; absent without tesseract or when OCR is off.</summary>
    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}
