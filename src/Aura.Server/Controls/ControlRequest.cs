using System.Text.Json;

namespace Aura.Server.Controls;

/// <summary>The body of <c>POST /api/v1/controls</c>: <c>{"control": "fan", "value": "75"}</c> (a number is taken as its text).</summary>
internal readonly record struct ControlRequest(string Control, string Value)
{
    /// <summary>The request, or null with the field at fault and why.</summary>
    public static ControlRequest? Parse(ReadOnlySpan<byte> body, out string field, out string problem)
    {
        field = "body";
        problem = "";
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            problem = $"the body is not JSON: {e.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the body must be a JSON object {\"control\": ..., \"value\": ...}";
                return null;
            }

            if (Text(root, "control", out field, out problem) is not { } control)
            {
                return null;
            }

            if (Text(root, "value", out field, out problem) is not { } value)
            {
                return null;
            }

            return new ControlRequest(control, value);
        }
    }

    private static string? Text(JsonElement root, string name, out string field, out string problem)
    {
        field = name;
        problem = "";
        if (!root.TryGetProperty(name, out var element))
        {
            problem = $"{name} is required";
            return null;
        }

        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "on",
            JsonValueKind.False => "off",
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            problem = $"{name} must be a non-empty string of at most 200 characters";
            return null;
        }

        return text;
    }
}
