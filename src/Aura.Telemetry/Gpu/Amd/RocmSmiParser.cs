using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Aura.Core.Model;

namespace Aura.Telemetry.Gpu.Amd;

/// <summary>
/// Parses <c>rocm-smi … --json</c>: an object per card (<c>"card0": {"GPU use (%)": "37", …}</c>) whose values are all
/// strings, plus a <c>"system"</c> object that is not a card. Key names moved between ROCm releases, so each reading is
/// looked up under every name it has had. "N/A" or a value that is not a number is absent, never 0.
/// </summary>
internal static class RocmSmiParser
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <exception cref="JsonException">The output is not JSON.</exception>
    public static ImmutableArray<GpuSample> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var gpus = ImmutableArray.CreateBuilder<GpuSample>();
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        foreach (var card in document.RootElement.EnumerateObject())
        {
            if (!card.Name.StartsWith("card", StringComparison.Ordinal) || card.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var c = card.Value;
            var total = Integer(c, "VRAM Total Memory (B)");
            var used = Integer(c, "VRAM Total Used Memory (B)");
            gpus.Add(new GpuSample
            {
                Index = gpus.Count,
                Name = Text(c, "Card Series", "Card series", "Device Name", "Card Model", "Card model") ?? "AMD GPU",
                Uuid = Text(c, "Unique ID"),
                Vendor = GpuVendors.Amd,
                Source = GpuSources.RocmSmi,
                UtilizationPercent = Number(c, "GPU use (%)"),
                MemoryUtilizationPercent = Number(c, "GPU memory use (%)", "GPU Memory Read/Write Activity (%)"),
                MemoryTotalBytes = total,
                MemoryUsedBytes = used,
                MemoryFreeBytes = total - used,
                TemperatureCelsius = Number(c, "Temperature (Sensor edge) (C)"),
                FanPercent = Number(c, "Fan speed (%)", "Fan Speed (%)"),
                PowerWatts = Number(c, "Average Graphics Package Power (W)", "Current Socket Graphics Package Power (W)"),
                PowerLimitWatts = Number(c, "Max Graphics Package Power (W)"),
                GraphicsClockMhz = Clock(c, "sclk clock speed:"),
                MemoryClockMhz = Clock(c, "mclk clock speed:"),
            });
        }

        return gpus.ToImmutable();
    }

    private static string? Text(JsonElement card, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (card.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text && text != "N/A")
            {
                return text.Trim();
            }
        }

        return null;
    }

    private static double? Number(JsonElement card, params ReadOnlySpan<string> keys) =>
        double.TryParse(Text(card, keys), NumberStyles.AllowDecimalPoint, Invariant, out var value) ? value : null;

    private static long? Integer(JsonElement card, string key) =>
        long.TryParse(Text(card, key), NumberStyles.None, Invariant, out var value) ? value : null;

    /// <summary>"(1800Mhz)" → 1800.</summary>
    private static int? Clock(JsonElement card, string key)
    {
        var text = Text(card, key)?.Trim('(', ')');
        if (text is null || !text.EndsWith("Mhz", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(text.AsSpan(0, text.Length - 3), NumberStyles.None, Invariant, out var mhz) ? mhz : null;
    }
}
