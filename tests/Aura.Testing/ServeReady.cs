using System.Text.Json;

namespace Aura.Testing;

/// <summary>
/// What `aura serve`'s ready line says (README, "aura serve"): <c>aura: ready {"http":…,"login":…,"socket":…}</c>, the
/// last line it prints once every listener is open. Parsed here on its own, so a change to the format fails the tests.
/// </summary>
public sealed record ServeReady(Uri Http, Uri Login, string? Socket)
{
    public const string Prefix = "aura: ready ";

    public static ServeReady Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        line.ShouldStartWith(Prefix);
        using var document = JsonDocument.Parse(line[Prefix.Length..]);
        var root = document.RootElement;
        return new ServeReady(
            new Uri(root.GetProperty("http").GetString()!),
            new Uri(root.GetProperty("login").GetString()!),
            root.GetProperty("socket").GetString());
    }
}
