using System.Text.Json;

namespace Aura.Cli;

/// <summary>Text for `aura controls`: one line per control.</summary>
internal static class ControlsText
{
    public static void WriteList(TextWriter output, JsonElement answer)
    {
        output.WriteLine($"{"control",-14} {"value",-14} choices");
        foreach (var control in answer.GetProperty("Controls").EnumerateArray())
        {
            output.WriteLine(Line(control));
        }
    }

    public static void WriteState(TextWriter output, JsonElement answer) =>
        output.WriteLine(Line(answer.GetProperty("ControlState")));

    private static string Line(JsonElement control)
    {
        var name = control.GetProperty("name").GetString();
        if (!control.GetProperty("supported").GetBoolean())
        {
            return $"{name,-14} {"-",-14} unsupported: {Reason(control.GetProperty("description").GetString() ?? "")}";
        }

        var unit = control.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : "";
        var value = control.GetProperty("value").GetString() + unit;
        var choices = control.TryGetProperty("min", out var min) && min.ValueKind == JsonValueKind.Number
            ? $"{min.GetRawText()}-{control.GetProperty("max").GetRawText()}{unit}"
            : string.Join(' ', control.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        return $"{name,-14} {value,-14} {choices}";
    }

    private static string Reason(string description)
    {
        const string marker = "Not supported here: ";
        var at = description.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? description : description[(at + marker.Length)..].TrimEnd('.');
    }
}
