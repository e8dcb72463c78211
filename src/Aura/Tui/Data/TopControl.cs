using System.Collections.Immutable;
using System.Text.Json;

namespace Aura.Tui.Data;

/// <summary>One control as the daemon lists it (JetsonScope's ControlInfo), with the reason when unsupported.</summary>
internal sealed record TopControl(string Name, string Value, string Unit, ImmutableArray<string> Options, bool Supported, string Reason)
{
    private const string Marker = "Not supported here: ";

    public static TopControl From(JsonElement control)
    {
        var description = control.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        var at = description.IndexOf(Marker, StringComparison.Ordinal);
        var reason = at < 0 ? description : description[(at + Marker.Length)..].TrimEnd('.');
        var options = ImmutableArray.CreateBuilder<string>();
        if (control.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in list.EnumerateArray())
            {
                options.Add(option.GetString() ?? "");
            }
        }

        return new TopControl(
            control.GetProperty("name").GetString() ?? "",
            control.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "",
            control.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() ?? "" : "",
            options.ToImmutable(),
            control.TryGetProperty("supported", out var s) && s.GetBoolean(),
            reason);
    }
}
