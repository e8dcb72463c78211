using Aura.Agent.Actions;

namespace Aura.Agent.Planner;

/// <summary>One validated answer of the planner: the actions (with the JSON each is sent as) or a request for vision.</summary>
public sealed record Plan(IReadOnlyList<PlannedAction> Actions, bool NeedVision, string Question);

/// <summary>A validated action and the exact JSON object the action server receives.</summary>
public sealed record PlannedAction(AgentAction Action, string Json);
