using System.Globalization;
using System.Text.Json;
using Aura.Agent.X11;

namespace Aura.Agent.Actions;

/// <summary>
/// Validates one action object against AuraOS's wire format and Aura's bounds. Every refusal names the field: unknown
/// action, coordinates off the screen, text too long, a key outside the allowlist, a wait over 10 s.
/// </summary>
public static class ActionParser
{
    public const string Names = "click, double_click, right_click, move, scroll, type, key, wait, screenshot, diff";

    public static bool TryParse(JsonElement json, int screenWidth, int screenHeight, bool allowDone, out AgentAction? action, out ActionError? error)
    {
        action = null;
        error = null;
        if (json.ValueKind != JsonValueKind.Object)
        {
            error = new ActionError("an action must be a JSON object such as {\"action\":\"click\",\"x\":100,\"y\":200}", "action");
            return false;
        }

        if (!json.TryGetProperty("action", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            error = new ActionError($"missing \"action\": one of {Names}", "action");
            return false;
        }

        var name = nameElement.GetString()!;
        var kind = Kind(name, allowDone);
        if (kind is null)
        {
            error = new ActionError($"unknown action '{Shorten(name)}': use one of {Names}{(allowDone ? ", done" : "")}", "action");
            return false;
        }

        var result = new AgentAction(kind.Value, name);
        error = kind switch
        {
            ActionKind.Click or ActionKind.DoubleClick or ActionKind.RightClick or ActionKind.Move => Point(json, screenWidth, screenHeight, required: true, ref result)
                ?? (kind == ActionKind.Click ? Button(json, ref result) : null),
            ActionKind.Scroll => Point(json, screenWidth, screenHeight, required: false, ref result) ?? Scroll(json, ref result),
            ActionKind.Type => Text(json, ref result),
            ActionKind.Key => Key(json, ref result),
            ActionKind.Wait => Wait(json, ref result),
            ActionKind.Screenshot => Inline(json, ref result),
            ActionKind.Done => Reason(json, ref result),
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        action = result;
        return true;
    }

    private static ActionKind? Kind(string name, bool allowDone) => name switch
    {
        "click" => ActionKind.Click,
        "double_click" => ActionKind.DoubleClick,
        "right_click" => ActionKind.RightClick,
        "move" => ActionKind.Move,
        "scroll" => ActionKind.Scroll,
        "type" => ActionKind.Type,
        "key" => ActionKind.Key,
        "wait" => ActionKind.Wait,
        "screenshot" => ActionKind.Screenshot,
        "diff" => ActionKind.Diff,
        "done" when allowDone => ActionKind.Done,
        _ => null,
    };

    private static ActionError? Point(JsonElement json, int width, int height, bool required, ref AgentAction action)
    {
        var hasX = json.TryGetProperty("x", out var x);
        var hasY = json.TryGetProperty("y", out var y);
        if (!hasX && !hasY && !required)
        {
            return null;
        }

        if (!hasX || x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out var xv))
        {
            return new ActionError("x must be a whole number of pixels", "x");
        }

        if (!hasY || y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var yv))
        {
            return new ActionError("y must be a whole number of pixels", "y");
        }

        if (xv < 0 || xv >= width)
        {
            return new ActionError(string.Create(CultureInfo.InvariantCulture, $"x={xv} is off the screen: it must be from 0 to {width - 1}"), "x");
        }

        if (yv < 0 || yv >= height)
        {
            return new ActionError(string.Create(CultureInfo.InvariantCulture, $"y={yv} is off the screen: it must be from 0 to {height - 1}"), "y");
        }

        action = action with { X = xv, Y = yv, HasPoint = true };
        return null;
    }

    private static ActionError? Button(JsonElement json, ref AgentAction action)
    {
        if (!json.TryGetProperty("button", out var button))
        {
            return null;
        }

        uint? code = button.ValueKind == JsonValueKind.String ? button.GetString() switch { "left" => 1, "middle" => 2, "right" => 3, _ => null } : null;
        if (code is null)
        {
            return new ActionError("button must be left, middle or right", "button");
        }

        action = action with { Button = code.Value };
        return null;
    }

    private static ActionError? Scroll(JsonElement json, ref AgentAction action)
    {
        var direction = json.TryGetProperty("direction", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : "down";
        uint? button = direction switch { "up" => 4, "down" => 5, "left" => 6, "right" => 7, _ => null };
        if (button is null)
        {
            return new ActionError("direction must be up, down, left or right", "direction");
        }

        var amount = 3;
        if (json.TryGetProperty("amount", out var a) && (a.ValueKind != JsonValueKind.Number || !a.TryGetInt32(out amount) || amount < 1 || amount > ActionLimits.MaxScrollAmount))
        {
            return new ActionError($"amount must be a whole number of steps from 1 to {ActionLimits.MaxScrollAmount}", "amount");
        }

        action = action with { Button = button.Value, Amount = amount };
        return null;
    }

    private static ActionError? Text(JsonElement json, ref AgentAction action)
    {
        if (!json.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return new ActionError("text must be a string", "text");
        }

        var value = text.GetString()!;
        var length = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            length++;
            if (System.Text.Rune.IsControl(rune) && rune.Value is not ('\n' or '\t'))
            {
                return new ActionError($"text may not contain control character U+{rune.Value:X4} (newline and tab are allowed)", "text");
            }
        }

        if (length == 0 || length > ActionLimits.MaxTextLength)
        {
            return new ActionError($"text must have from 1 to {ActionLimits.MaxTextLength} characters, not {length}", "text");
        }

        action = action with { Text = value };
        return null;
    }

    private static ActionError? Key(JsonElement json, ref AgentAction action)
    {
        if (!json.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String)
        {
            return new ActionError("key must be a string such as \"enter\" or \"ctrl+c\"", "key");
        }

        var value = key.GetString()!.Trim().ToLowerInvariant();
        var parts = value.Split('+');
        if (parts.Length > ActionLimits.MaxKeysInCombination)
        {
            return new ActionError($"a key combination has at most {ActionLimits.MaxKeysInCombination} keys", "key");
        }

        var keysyms = new ulong[parts.Length];
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!Keysyms.Modifiers.TryGetValue(parts[i], out keysyms[i]))
            {
                return new ActionError($"'{Shorten(parts[i])}' is not a modifier: a combination is ctrl, shift, alt or super, then one key", "key");
            }
        }

        var last = parts[^1];
        if (Keysyms.Named.TryGetValue(last, out var named))
        {
            keysyms[^1] = named;
        }
        else if (parts.Length > 1 && last.Length == 1 && char.IsAsciiLetterOrDigit(last[0]))
        {
            keysyms[^1] = last[0];
        }
        else
        {
            return new ActionError(
                $"key '{Shorten(value)}' is not allowed: use enter, return, backspace, delete, tab, escape, esc, space, arrow_up, arrow_down, arrow_left, arrow_right, home, end, page_up, page_down, insert, f1-f12, or a modifier combination such as ctrl+c",
                "key");
        }

        action = action with { Key = value, Keysyms = keysyms };
        return null;
    }

    private static ActionError? Wait(JsonElement json, ref AgentAction action)
    {
        if (!json.TryGetProperty("duration", out var duration) || duration.ValueKind != JsonValueKind.Number)
        {
            return new ActionError("duration must be a number of seconds", "duration");
        }

        var seconds = duration.GetDouble();
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > ActionLimits.MaxWaitSeconds)
        {
            return new ActionError(string.Create(CultureInfo.InvariantCulture, $"duration must be from 0 to {ActionLimits.MaxWaitSeconds} seconds, not {seconds}"), "duration");
        }

        action = action with { Duration = seconds };
        return null;
    }

    private static ActionError? Inline(JsonElement json, ref AgentAction action)
    {
        if (json.TryGetProperty("inline", out var inline))
        {
            if (inline.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return new ActionError("inline must be true or false", "inline");
            }

            action = action with { Inline = inline.GetBoolean() };
        }

        return null;
    }

    private static ActionError? Reason(JsonElement json, ref AgentAction action)
    {
        if (json.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            action = action with { Reason = Shorten(reason.GetString()!, 200) };
        }

        return null;
    }

    private static string Shorten(string text, int max = 40) => text.Length <= max ? text : text[..max] + "...";
}
