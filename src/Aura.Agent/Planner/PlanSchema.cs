namespace Aura.Agent.Planner;

/// <summary>
/// The JSON schema sent as Ollama's <c>format</c>: an object with the action list (AuraOS's array, at most
/// <see cref="MaxActions"/> per plan) and a flag for when the planner needs the vision model.
/// </summary>
internal static class PlanSchema
{
    public const int MaxActions = 10;

    public const string Json = """
        {"type":"object","properties":{
          "actions":{"type":"array","maxItems":10,"items":{"type":"object","properties":{
            "action":{"type":"string","enum":["click","double_click","right_click","move","scroll","type","key","wait","screenshot","done"]},
            "x":{"type":"integer"},"y":{"type":"integer"},"text":{"type":"string"},"key":{"type":"string"},
            "duration":{"type":"number"},"direction":{"type":"string","enum":["up","down","left","right"]},
            "amount":{"type":"integer"},"button":{"type":"string","enum":["left","middle","right"]},"reason":{"type":"string"}},
            "required":["action"]}},
          "need_vision":{"type":"boolean"},
          "question":{"type":"string"}},
         "required":["actions"]}
        """;

    public const string Instructions = """
        You control a Linux desktop through these actions: click {x,y}, double_click {x,y}, right_click {x,y}, move {x,y},
        scroll {direction: up|down|left|right, amount 1-20, optional x,y}, type {text, at most 1000 characters},
        key {key: enter, return, backspace, delete, tab, escape, space, arrow_up, arrow_down, arrow_left, arrow_right,
        home, end, page_up, page_down, insert, f1-f12, or a combination such as ctrl+c}, wait {duration: seconds, at most 10},
        and done {reason} when the goal is reached. Coordinates are pixels inside the screen.
        Answer with JSON only: {"actions":[...]} with at most 10 actions. If you cannot decide from the text description
        of the screen, answer {"actions":[],"need_vision":true,"question":"what you need to know"}.
        """;
}
