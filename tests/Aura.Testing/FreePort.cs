using System.Net;
using System.Net.Sockets;

namespace Aura.Testing;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, for programs that must be told a port up front.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
