namespace Aura.Core.Config;

/// <summary>
/// A setting that cannot be used. The message is one line that names the setting and where it came from
/// (a flag, an environment variable, or a config file line), so the CLI can print it as is and exit 2.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
