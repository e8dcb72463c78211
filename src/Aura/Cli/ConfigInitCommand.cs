using System.CommandLine;
using System.Text;
using Aura.Core.Config;
using Aura.Server.Auth;

namespace Aura.Cli;

/// <summary>
/// `aura config init [--force]`: writes <c>aura.toml</c> readable by its owner only (0600) with a newly generated API key,
/// as Argus's <c>config init</c> did. An existing file is kept unless <c>--force</c>.
/// </summary>
internal static class ConfigInitCommand
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing config file (its keys stop working)." };
        var file = new Option<string?>(ConfigOverrides.ConfigFileFlag) { Description = "Write this file instead of the platform default (or AURA_CONFIG).", HelpName = "file" };
        var init = new Command("init", "Write aura.toml (mode 0600) with a new API key.");
        init.Options.Add(force);
        init.Options.Add(file);
        init.SetAction(parse => Run(Target(parse.GetValue(file)), parse.GetValue(force)));
        var config = new Command("config", "Manage aura.toml.");
        config.Subcommands.Add(init);
        return config;
    }

    private static string Target(string? flag)
    {
        var environment = ProcessEnvironment.Current();
        var path = flag ?? environment.GetVariable(AuraConfigResolver.ConfigFileVariable) ?? PlatformPaths.DefaultConfigFile(environment)
            ?? throw new UsageException("cannot work out where aura.toml goes (no home directory): pass --config FILE");
        return Path.GetFullPath(path);
    }

    private static int Run(string path, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new UsageException($"{path} already exists; pass --force to replace it (its API keys stop working)");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var key = ApiKeyGenerator.Generate();
        WritePrivately(path, Contents(key));
        Console.Out.WriteLine($"Wrote {path} (mode 0600) with a new API key; it carries every scope:");
        Console.Out.WriteLine($"  {key}");
        Console.Out.WriteLine("Restart `aura serve` to use it. Clients send it as X-API-Key or Authorization: Bearer.");
        return ExitCodes.Ok;
    }

    /// <summary>Written to a 0600 temporary file and renamed over the target, so the key is never readable by others, even briefly.</summary>
    private static void WritePrivately(string path, string contents)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(contents));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }

    private static string Contents(string key) =>
        $"""
        # Aura's settings, written by `aura config init`. Keep this file private: it holds API keys.

        [server]
        host = "127.0.0.1"
        port = 8765
        # Keys in api_keys carry every scope (read, ingest, control, agent, admin), as in Argus.
        api_keys = ["{key}"]

        # Keys limited to some scopes go here, e.g.:
        # [server.keys]
        # read = ["a key for dashboards"]
        # control = ["a key for fan and clock controls"]

        """;
}
