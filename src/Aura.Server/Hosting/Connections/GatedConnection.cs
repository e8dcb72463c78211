using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Aura.Server.Hosting.Connections;

/// <summary>One connection as <see cref="ConnectionGate"/> sees it: idle (evictable) or busy with requests.</summary>
internal sealed class GatedConnection
{
    public const string Key = "aura.gate";

    private readonly ConnectionGate _gate;
    private readonly ConnectionContext _connection;
    private readonly LinkedListNode<GatedConnection> _node;
    private readonly Lock _sync = new();
    private int _requests;
    private bool _pinned;
    private bool _gone;

    public GatedConnection(ConnectionGate gate, ConnectionContext connection, IPAddress address)
    {
        _gate = gate;
        _connection = connection;
        Address = address;
        _node = new LinkedListNode<GatedConnection>(this);
    }

    public IPAddress Address { get; }

    /// <summary>A request began on this connection: it is in use, not idle.</summary>
    public void RequestStarted()
    {
        lock (_sync)
        {
            _requests++;
            _gate.RemoveIdle(this, _node);
        }
    }

    /// <summary>A request ended; with none left the connection is idle again (keep-alive) and may be closed for a newer one.</summary>
    public void RequestEnded()
    {
        lock (_sync)
        {
            if (--_requests == 0 && !_pinned && !_gone)
            {
                _gate.AddIdle(this, _node);
            }
        }
    }

    /// <summary>The connection became a WebSocket: it is never idle again.</summary>
    public void Pin()
    {
        lock (_sync)
        {
            _pinned = true;
            _gate.RemoveIdle(this, _node);
        }
    }

    internal void BecomeIdle()
    {
        lock (_sync)
        {
            _gate.AddIdle(this, _node);
        }
    }

    internal void Leave()
    {
        lock (_sync)
        {
            _gone = true;
            _gate.RemoveIdle(this, _node);
        }
    }

    internal void Abort() => _connection.Abort(new ConnectionAbortedException("closed to make room: this address holds too many idle connections"));
}
