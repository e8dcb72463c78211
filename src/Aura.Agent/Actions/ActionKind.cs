namespace Aura.Agent.Actions;

/// <summary>What an action does. AuraOS had click, type, key, wait and screenshot; the rest are Aura's.</summary>
public enum ActionKind
{
    Click,
    DoubleClick,
    RightClick,
    Move,
    Scroll,
    Type,
    Key,
    Wait,
    Screenshot,
    Diff,
    Done,
}
