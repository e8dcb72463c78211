using System.Globalization;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Output;

namespace Aura.Cli;

/// <summary>The text forms of the daemon's answers.</summary>
internal static class ClientText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteStats(TextWriter output, JsonElement answer)
    {
        var stats = answer.GetProperty("Stats");
        if (!stats.TryGetProperty("snapshot", out var json) || json.ValueKind != JsonValueKind.Object)
        {
            output.WriteLine("no snapshot yet");
            return;
        }

        var snapshot = json.Deserialize(AuraJsonContext.Default.Snapshot)!;
        output.WriteLine(SnapshotText.Line(snapshot));
        SnapshotText.WriteSummary(output, snapshot);
    }

    public static void WriteMeta(TextWriter output, JsonElement answer)
    {
        var meta = answer.GetProperty("Meta");
        output.WriteLine($"host     {Text(meta, "hostname")} · {Text(meta, "os")} · kernel {Text(meta, "kernel")}");
        output.WriteLine($"cpu      {Text(meta, "model")} × {Number(meta, "cpu_count")}");
        output.WriteLine($"jetson   {(meta.GetProperty("is_jetson").GetBoolean() ? $"{Text(meta, "module")} ({Text(meta, "codename")} {Text(meta, "soc")}, CUDA {Text(meta, "cuda_arch")}, L4T {Text(meta, "l4t_version")}, JetPack {Text(meta, "jetpack_version")})" : "no")}");
        output.WriteLine($"sensors  {List(meta, "sensors")}");
        output.WriteLine($"aura     {Text(meta, "aura_version")}");
    }

    public static void WriteHealth(TextWriter output, JsonElement answer)
    {
        var health = answer.GetProperty("Health");
        output.WriteLine($"status   {Text(health, "status")}");
        if (health.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            output.WriteLine($"reason   {reason.GetString()}");
        }

        output.WriteLine($"uptime   {Units.Duration(health.GetProperty("uptime_secs").GetDouble())}");
        output.WriteLine($"ticks    {Number(health, "stats_collected")} (every {health.GetProperty("interval_seconds").GetDouble().ToString(Invariant)} s)");
        output.WriteLine($"clients  {Number(health, "connected_clients")}");
        output.WriteLine($"requests {Number(health, "total_requests")} on the socket, {Number(health, "errors")} errors");
        if (health.TryGetProperty("last_error", out var last) && last.ValueKind == JsonValueKind.String)
        {
            output.WriteLine($"last     {last.GetString()}");
        }

        output.WriteLine($"version  {Text(health, "version")}");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";

    private static string Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "?";

    private static string List(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return "none";
        }

        return string.Join(", ", value.EnumerateArray().Select(item => item.GetString()));
    }
}
