namespace Aura.Tui.Data;

internal sealed class TopFeedException : Exception
{
    public TopFeedException()
    {
    }

    public TopFeedException(string message)
        : base(message)
    {
    }

    public TopFeedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
