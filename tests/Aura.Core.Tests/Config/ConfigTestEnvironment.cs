using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

/// <summary>A temp home directory plus a fake environment, so resolution never reads the real user's files or variables.</summary>
internal sealed class ConfigTestEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _variables = [];

    public TempDirectory Home { get; } = new();

    public AuraPlatform Platform { get; set; } = AuraPlatform.Linux;

    public ConfigTestEnvironment Set(string name, string? value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Writes the config file where Linux looks by default: ~/.config/Aura/aura.toml.</summary>
    public string WriteDefaultConfig(string text) => Home.Write(text, ".config", "Aura", "aura.toml");

    public AuraConfig Resolve(ConfigOverrides? overrides = null) =>
        AuraConfigResolver.Resolve(overrides ?? ConfigOverrides.None, ConfigEnvironment.FromVariables(Platform, Home.Path, _variables));

    public ConfigException ResolveFails(ConfigOverrides? overrides = null) => Should.Throw<ConfigException>(() => Resolve(overrides));

    public void Dispose() => Home.Dispose();
}
