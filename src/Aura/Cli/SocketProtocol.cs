using Aura.Core.Config;
using Aura.Server.Jetson;

namespace Aura.Cli;

/// <summary>
/// The encoding Aura's socket clients speak: JetsonScope's <c>JETSONSCOPE_PROTO</c> (or legacy <c>TEGRA_PROTO</c>),
/// <c>json</c> (the default) or <c>cbor</c>. The daemon answers each request in the encoding it came in.
/// </summary>
internal static class SocketProtocol
{
    private static readonly string[] Variables = ["JETSONSCOPE_PROTO", "TEGRA_PROTO"];

    /// <exception cref="ConfigException">The variable names another encoding.</exception>
    public static IMessageCodec FromEnvironment(Func<string, string?> getVariable)
    {
        foreach (var name in Variables)
        {
            switch (getVariable(name))
            {
                case null or "":
                    continue;
                case var json when json.Equals("json", StringComparison.OrdinalIgnoreCase):
                    return JsonMessageCodec.Instance;
                case var cbor when cbor.Equals("cbor", StringComparison.OrdinalIgnoreCase):
                    return CborMessageCodec.Instance;
                case var other:
                    throw new ConfigException($"{name}: '{other}' must be json or cbor");
            }
        }

        return JsonMessageCodec.Instance;
    }
}
