using System.Net;
using Aura.Core.Config;

namespace Aura.Cli;

/// <summary>JetsonScope's <c>JETSONSCOPE_HTTP_ADDR</c> (e.g. <c>0.0.0.0:9090</c>): where to serve Prometheus metrics on their own.</summary>
internal static class MetricsAddress
{
    public const string Variable = "JETSONSCOPE_HTTP_ADDR";

    public static IPEndPoint? Parse(Func<string, string?> getVariable)
    {
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
