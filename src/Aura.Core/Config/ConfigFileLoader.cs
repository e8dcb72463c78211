using System.Text;

namespace Aura.Core.Config;

/// <summary>Finds and parses <c>aura.toml</c>: <c>--config</c>, else <c>AURA_CONFIG</c>, else the platform default.</summary>
internal static class ConfigFileLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The parsed file, or an empty table when the default file does not exist; a named file must exist.</summary>
    public static TomlTable Load(ConfigOverrides overrides, ConfigEnvironment environment, out string? configFile)
    {
        configFile = null;
        string? path;
        string? namedBy = null;
        if (overrides.ConfigFile is not null)
        {
            namedBy = ConfigOverrides.ConfigFileFlag;
            path = AuraConfigResolver.ExplicitPath(overrides.ConfigFile, namedBy, home: environment.HomeDirectory);
        }
        else if (environment.GetVariable(AuraConfigResolver.ConfigFileVariable) is { } fromVariable)
        {
            namedBy = AuraConfigResolver.ConfigFileVariable;
            path = AuraConfigResolver.ExplicitPath(fromVariable, namedBy, home: environment.HomeDirectory);
        }
        else
        {
            path = PlatformPaths.DefaultConfigFile(environment);
        }

        if (path is null)
        {
            return new TomlTable();
        }

        if (Directory.Exists(path))
        {
            throw new ConfigException(namedBy is null
                ? $"{path}: is a directory, not a config file"
                : $"{namedBy}: '{path}' is a directory, not a config file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return namedBy is null ? new TomlTable() : throw new ConfigException($"{namedBy}: config file '{path}' does not exist", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new ConfigException($"{path}: the config file is not valid UTF-8", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the config file: {e.Message}", e);
        }

        try
        {
            var table = TomlParser.Parse(text);
            configFile = path;
            return table;
        }
        catch (TomlException e)
        {
            throw new ConfigException($"{path} {e.Message}", e);
        }
    }
}
