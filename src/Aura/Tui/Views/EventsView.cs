using System.Text.Json;

namespace Aura.Tui.Views;

/// <summary>The daemon's event log, newest first, coloured by level and narrowed by the `/` filter.</summary>
internal static class EventsView
{
    public static void Draw(DrawContext c, TopState state, int top, int bottom)
    {
        var theme = c.Theme;
        var y = top;
        var filter = state.Filter.Length > 0 ? $" · filter '{state.Filter}'" : "";
        c.Text(0, y++, $"Event log (newest first){filter}", theme.Muted);
        if (state.EventsProblem is { } problem)
        {
            c.Text(0, y, problem, theme.Muted);
            return;
        }

        c.Text(0, y++, Fmt.Inv($"{"TIME",-19}  {"LEVEL",-5}  {"SOURCE",-12}  {"TYPE",-20}  MESSAGE"), theme.Title, Render.CellAttributes.Bold);
        foreach (var e in state.Events)
        {
            if (y >= bottom)
            {
                break;
            }

            var line = Line(e);
            if (state.Filter.Length > 0 && !line.Contains(state.Filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var level = Text(e, "level");
            var color = level switch
            {
                "error" => theme.Bad,
                "warn" => theme.Warn,
                "debug" => theme.Muted,
                _ => theme.Text,
            };
            c.Text(0, y++, line, color);
        }
    }

    public static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string Line(JsonElement e)
    {
        var time = Text(e, "timestamp");
        if (DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at))
        {
            time = at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        }

        var message = Text(e, "message").ReplaceLineEndings(" ");
        return Fmt.Inv($"{time,-19}  {Text(e, "level"),-5}  {Text(e, "source"),-12}  {Text(e, "event_type"),-20}  {message}");
    }
}
