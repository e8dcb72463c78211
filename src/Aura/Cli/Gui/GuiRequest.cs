namespace Aura.Cli.Gui;

/// <summary>What `aura gui` was asked: where the daemon is (or should be), and which browser to use.</summary>
internal sealed record GuiRequest(string? Host, string? Port, string? ConfigFile, string? Browser)
{
    public static GuiRequest Defaults(string? configFile) => new(null, null, configFile, null);
}
