namespace Aura.Agent.Planner;

/// <summary>The planner cannot go on: Ollama failed, the model is missing, or its answers stayed invalid.</summary>
public sealed class PlannerException : Exception
{
    public PlannerException()
    {
    }

    public PlannerException(string message)
        : base(message)
    {
    }

    public PlannerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
