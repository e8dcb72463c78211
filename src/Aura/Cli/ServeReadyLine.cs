using System.Text;
using System.Text.Json;
using Aura.Server.Hosting;

namespace Aura.Cli;

/// <summary>
/// The one machine-readable line `aura serve` prints on stdout once every listener is open, after the human banner:
/// <c>aura: ready {"http":"http://127.0.0.1:8765/","login":"http://127.0.0.1:8765/?token=…","socket":"/run/user/1000/aura.sock"}</c>
/// (<c>socket</c> is null without one). Supervisors, `aura gui` and the tests wait for it instead of reading the banner.
/// </summary>
internal static class ServeReadyLine
{
    public const string Prefix = "aura: ready ";

    public static async Task WriteAsync(TextWriter output, AuraServer server)
    {
        await output.WriteLineAsync(Format(server.Address, server.LoginUrl, server.SocketPath));
        await output.FlushAsync();
    }

    internal static string Format(Uri http, Uri login, string? socket)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("http", http.ToString());
            writer.WriteString("login", login.ToString());
            writer.WriteString("socket", socket);
            writer.WriteEndObject();
        }

        return Prefix + Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The sign-in link of a ready line, or null when <paramref name="line"/> is not one.</summary>
    public static Uri? LoginOf(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line.AsMemory(Prefix.Length));
            return document.RootElement.TryGetProperty("login", out var login) && login.GetString() is { } text
                && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
