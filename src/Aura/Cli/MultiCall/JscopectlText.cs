using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aura.Cli.MultiCall;

/// <summary>
/// JetsonScope's jscopectl lines, written from the daemon's JSON answer. Its stats lines print Rust's debug form of
/// the fields (<c>Some("...")</c>, <c>MemoryStat { used_bytes: ... }</c>), and scripts matched on them, so they are
/// rebuilt field by field here.
/// </summary>
internal static class JscopectlText
{
    public static string Refusal(string code, string message) => $"Error [{code}]: {message}";

    public static void WriteStats(TextWriter output, JsonElement answer)
    {
        var stats = answer.GetProperty("Stats");
        output.WriteLine($"Source: {Text(stats, "source")}");
        if (!stats.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            output.WriteLine("No stats available");
            return;
        }

        output.WriteLine($"Timestamp: {Option(data, "timestamp", DebugString)}");
        output.WriteLine($"RAM: {Option(data, "ram", ram => $"MemoryStat {{ used_bytes: {Number(ram, "used_bytes")}, total_bytes: {Number(ram, "total_bytes")}, unit: {Text(ram, "unit")}, largest_free_block: {Option(ram, "largest_free_block", FreeBlock)} }}")}");
        output.WriteLine($"SWAP: {Option(data, "swap", swap => $"SwapStat {{ used_bytes: {Number(swap, "used_bytes")}, total_bytes: {Number(swap, "total_bytes")}, cached_bytes: {Option(swap, "cached_bytes", c => c.GetRawText())}, unit: {Text(swap, "unit")} }}")}");
        output.WriteLine($"CPU cores: {(data.TryGetProperty("cpus", out var cpus) && cpus.ValueKind == JsonValueKind.Array ? cpus.GetArrayLength() : 0)}");
        if (GpuPercent(data) is { } gpu)
        {
            output.WriteLine($"GPU: {gpu}%");
        }
    }

    public static void WriteMeta(TextWriter output, JsonElement answer)
    {
        var hardware = answer.GetProperty("Meta");
        output.WriteLine("Hardware Info:");
        output.WriteLine($"  Model: {Text(hardware, "model")}");
        output.WriteLine($"  SoC: {Text(hardware, "soc")}");
        output.WriteLine($"  L4T: {Text(hardware, "l4t_version")}");
        output.WriteLine($"  JetPack: {Text(hardware, "jetpack_version")}");
        output.WriteLine($"  Is Jetson: {(hardware.TryGetProperty("is_jetson", out var jetson) && jetson.ValueKind == JsonValueKind.True ? "true" : "false")}");
    }

    public static void WriteControls(TextWriter output, JsonElement answer)
    {
        output.WriteLine("Available Controls:");
        foreach (var control in answer.GetProperty("Controls").EnumerateArray())
        {
            output.WriteLine($"  {Text(control, "name")} = {Text(control, "value")} ({Text(control, "description")})");
            if (control.TryGetProperty("supported", out var supported) && supported.ValueKind == JsonValueKind.False)
            {
                output.WriteLine("    [NOT SUPPORTED]");
            }
        }
    }

    public static void WriteControlState(TextWriter output, JsonElement answer)
    {
        var control = answer.GetProperty("ControlState");
        output.WriteLine("Control Updated:");
        output.WriteLine($"  {Text(control, "name")} = {Text(control, "value")}");
    }

    public static void WriteHealth(TextWriter output, JsonElement answer)
    {
        var health = answer.GetProperty("Health");
        output.WriteLine("Daemon Health:");
        output.WriteLine($"  Uptime (s): {Number(health, "uptime_secs")}");
        output.WriteLine($"  Total requests: {Number(health, "total_requests")}");
        output.WriteLine($"  Errors: {Number(health, "errors")}");
        output.WriteLine($"  Connected clients: {Number(health, "connected_clients")}");
        output.WriteLine($"  Stats collected: {Number(health, "stats_collected")}");
        if (health.TryGetProperty("last_error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            output.WriteLine($"  Last error: {error.GetString()}");
        }
    }

    /// <summary>GR3D's load, as JetsonScope read it: its usage, else its bare value. Aura names the engine as tegrastats does (GR3D_FREQ).</summary>
    private static string? GpuPercent(JsonElement data)
    {
        if (!data.TryGetProperty("engines", out var engines) || engines.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (string[])["GR3D", "GR3D_FREQ"])
        {
            if (engines.TryGetProperty(name, out var engine) && engine.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in (string[])["usage_percent", "raw_value"])
                {
                    if (engine.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number)
                    {
                        return value.GetRawText();
                    }
                }
            }
        }

        return null;
    }

    private static string FreeBlock(JsonElement block) =>
        block.TryGetProperty("Blocks", out var blocks)
            ? $"Blocks {{ count: {Number(blocks, "count")}, size_bytes: {Number(blocks, "size_bytes")} }}"
            : block.TryGetProperty("Size", out var size) ? $"Size {{ size_bytes: {Number(size, "size_bytes")} }}" : block.GetRawText();

    private static string Option(JsonElement parent, string name, Func<JsonElement, string> some) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? $"Some({some(value)})" : "None";

    private static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "";

    private static string Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "0";

    /// <summary>Rust's <c>{:?}</c> of a string: quoted, with quotes, backslashes and control characters escaped.</summary>
    private static string DebugString(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        var debug = new StringBuilder("\"");
        foreach (var c in text)
        {
            debug.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{{{(int)c:x}}}"),
                _ => c.ToString(),
            });
        }

        return debug.Append('"').ToString();
    }
}
