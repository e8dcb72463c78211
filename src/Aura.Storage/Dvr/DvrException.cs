namespace Aura.Storage.Dvr;

/// <summary>The DVR file cannot be used as asked: not an Aura database, written by a newer Aura, locked by another writer.</summary>
public sealed class DvrException : Exception
{
    public DvrException()
    {
    }

    public DvrException(string message)
        : base(message)
    {
    }

    public DvrException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
