using Aura.Core.Config;

namespace Aura.Cli;

/// <summary>
/// The one place Aura reads its process's environment: the libraries take what they need from the settings handed
/// down (BannedSymbols.Libraries.txt keeps them from reading it themselves).
/// </summary>
internal static class ProcessEnvironment
{
    /// <summary>The running process's platform, home directory and environment variables.</summary>
    public static ConfigEnvironment Current()
    {
        var platform = OperatingSystem.IsWindows() ? AuraPlatform.Windows
            : OperatingSystem.IsMacOS() ? AuraPlatform.MacOS
            : AuraPlatform.Linux;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        return new ConfigEnvironment(platform, home, Environment.GetEnvironmentVariable);
    }
}
