using System.Net;
using Aura.Core.Config;

namespace Aura.Server.Hosting;

/// <summary>Parses <c>--host</c>: an IP address or "localhost" (which means 127.0.0.1).</summary>
public static class HostAddress
{
    /// <exception cref="ConfigException">The host is neither an IP address nor "localhost".</exception>
    public static IPAddress Parse(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        var trimmed = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(trimmed, out var address)
            ? address
            : throw new ConfigException($"--host: '{host}' is not an IP address or 'localhost'");
    }

    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
