using System.Text.Json;
using Aura.Agent.Actions;

namespace Aura.Agent.Planner;

/// <summary>
/// Validates a planner answer against the plan schema and every action against the action server's rules. Accepts
/// AuraOS's bare array as well as <c>{"actions":[..]}</c>. An invalid answer gives the reason, to send back to the model.
/// </summary>
public static class PlanParser
{
    public static bool TryParse(string answer, int screenWidth, int screenHeight, out Plan? plan, out string? error)
    {
        ArgumentNullException.ThrowIfNull(answer);
        plan = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer);
        }
        catch (JsonException e)
        {
            error = $"the answer is not JSON ({e.Message})";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement list;
            var needVision = false;
            var question = "";
            if (root.ValueKind == JsonValueKind.Array)
            {
                list = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("actions", out list) && list.ValueKind == JsonValueKind.Array)
            {
                needVision = root.TryGetProperty("need_vision", out var v) && v.ValueKind == JsonValueKind.True;
                question = root.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
            }
            else
            {
                error = "the answer must be {\"actions\":[...]}";
                return false;
            }

            if (list.GetArrayLength() > PlanSchema.MaxActions)
            {
                error = $"a plan has at most {PlanSchema.MaxActions} actions, not {list.GetArrayLength()}";
                return false;
            }

            var actions = new List<PlannedAction>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (!ActionParser.TryParse(item, screenWidth, screenHeight, allowDone: true, out var action, out var refusal))
                {
                    error = $"action {index + 1} is invalid: {refusal!.Error} (field {refusal.Field})";
                    return false;
                }

                actions.Add(new PlannedAction(action!, item.GetRawText()));
                index++;
            }

            if (actions.Count == 0 && !needVision)
            {
                error = "the plan has no actions: give at least one, done when the goal is reached, or need_vision";
                return false;
            }

            plan = new Plan(actions, needVision, question);
            error = null;
            return true;
        }
    }
}
