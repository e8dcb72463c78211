namespace Aura.Server.Hosting;

/// <summary>The parts <see cref="AuraDaemon"/> built and so disposes, last built first.</summary>
internal sealed class DaemonOwned : IDisposable
{
    private readonly List<IDisposable> _parts = [];

    public T Add<T>(T part)
        where T : IDisposable
    {
        _parts.Add(part);
        return part;
    }

    public void Dispose()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            _parts[i].Dispose();
        }

        _parts.Clear();
    }
}
