namespace Aura.Agent;

/// <summary>
/// The agent cannot do what was asked (no display, a library missing, a Wayland session); the message is one line
/// that says what is wrong and what to do, so the CLI prints it as is.
/// </summary>
public sealed class AgentException : Exception
{
    public AgentException()
    {
    }

    public AgentException(string message)
        : base(message)
    {
    }

    public AgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
