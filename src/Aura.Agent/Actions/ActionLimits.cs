namespace Aura.Agent.Actions;

/// <summary>The bounds every action is checked against; documented in README's agent section.</summary>
public static class ActionLimits
{
    public const int MaxTextLength = 1000;
    public const double MaxWaitSeconds = 10;
    public const int MaxScrollAmount = 20;
    public const int MaxActionsPerSecond = 20;
    public const int MaxMessageBytes = 16 * 1024;
    public const int MaxKeysInCombination = 4;
}
