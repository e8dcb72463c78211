using System.Text.Json;

namespace Aura.Cli.Events;

/// <summary>Events as text: one line each, time, level, source, type, message, as a table an operator can scan.</summary>
internal static class EventsText
{
    public static string Header => $"{"ID",8}  {"TIME",-27}  {"LEVEL",-5}  {"SOURCE",-16}  {"TYPE",-20}  MESSAGE";

    public static string Line(JsonElement e)
    {
        var message = e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        message = message.ReplaceLineEndings(" ");
        return $"{e.GetProperty("id").GetInt64(),8}  {e.GetProperty("timestamp").GetString(),-27}  {e.GetProperty("level").GetString(),-5}  {e.GetProperty("source").GetString(),-16}  {e.GetProperty("event_type").GetString(),-20}  {message}";
    }
}
