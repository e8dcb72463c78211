using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Aura.Server.Hosting.Connections;

/// <summary>
/// Keeps a crowd of connections that are not doing anything (still sending their request headers, or idle between
/// requests) from locking everyone else out. Each client address may hold at most a few of those at once; when it
/// opens one more, its oldest idle one is closed. An address trickling headers over a thousand connections therefore
/// holds only its own share of the server, and a client that sends a request promptly, from any address including
/// the same one, is still served. Connections in a request, or upgraded to a WebSocket, are never closed here.
/// </summary>
internal sealed class ConnectionGate(int idlePerAddress)
{
    private readonly Dictionary<IPAddress, LinkedList<GatedConnection>> _idle = [];
    private readonly Lock _sync = new();
    private long _evicted;

    /// <summary>Idle connections closed so far to make room for newer ones from the same address.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    public int IdlePerAddress => idlePerAddress;

    /// <summary>Kestrel connection middleware: counts the connection idle until its first request arrives.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        var gated = new GatedConnection(this, connection, address);
        connection.Items[GatedConnection.Key] = gated;
        gated.BecomeIdle();
        try
        {
            await next(connection);
        }
        finally
        {
            gated.Leave();
        }
    };

    internal void AddIdle(GatedConnection connection, LinkedListNode<GatedConnection> node)
    {
        GatedConnection? oldest = null;
        lock (_sync)
        {
            if (!_idle.TryGetValue(connection.Address, out var list))
            {
                list = new LinkedList<GatedConnection>();
                _idle[connection.Address] = list;
            }

            list.AddLast(node);
            if (list.Count > idlePerAddress)
            {
                oldest = list.First!.Value;
                RemoveLocked(oldest, list.First);
            }
        }

        if (oldest is not null)
        {
            Interlocked.Increment(ref _evicted);
            oldest.Abort();
        }
    }

    internal void RemoveIdle(GatedConnection connection, LinkedListNode<GatedConnection> node)
    {
        lock (_sync)
        {
            if (node.List is not null)
            {
                RemoveLocked(connection, node);
            }
        }
    }

    private void RemoveLocked(GatedConnection connection, LinkedListNode<GatedConnection> node)
    {
        var list = node.List!;
        list.Remove(node);
        if (list.Count == 0)
        {
            _idle.Remove(connection.Address);
        }
    }
}
