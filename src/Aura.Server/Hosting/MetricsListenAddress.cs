using System.Net;
using Aura.Core.Config;

namespace Aura.Server.Hosting;

/// <summary>JetsonScope's <c>JETSONSCOPE_HTTP_ADDR</c> (e.g. <c>0.0.0.0:9090</c>): where to serve Prometheus metrics on their own.</summary>
public static class MetricsListenAddress
{
    public const string Variable = "JETSONSCOPE_HTTP_ADDR";

    /// <exception cref="ConfigException">The variable is not ADDRESS:PORT.</exception>
    public static IPEndPoint? Parse(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (getVariable(Variable) is not { Length: > 0 } text)
        {
            return null;
        }

        var host = text.StartsWith(':') ? "0.0.0.0" + text : text.Replace("localhost:", "127.0.0.1:", StringComparison.OrdinalIgnoreCase);
        return IPEndPoint.TryParse(host, out var endPoint) && host.Contains(':', StringComparison.Ordinal) && endPoint.Port is > 0
            ? endPoint
            : throw new ConfigException($"{Variable}: '{text}' must be ADDRESS:PORT, e.g. 0.0.0.0:9090 or 127.0.0.1:9090");
    }
}
