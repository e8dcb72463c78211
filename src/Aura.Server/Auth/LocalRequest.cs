using System.Net;
using Aura.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Aura.Server.Auth;

/// <summary>
/// Whether a request comes from this machine. Both ends must say so: the peer address is loopback, and the Host header
/// names a loopback host. A web page that rebinds its own DNS name to 127.0.0.1 still sends its own name as Host, so
/// it does not pass for local.
/// </summary>
internal static class LocalRequest
{
    public static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && HostAddress.IsLoopback(remote) && IsLoopbackHost(context.Request.Host.Host);
    }

    private static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && HostAddress.IsLoopback(address);
    }
}
