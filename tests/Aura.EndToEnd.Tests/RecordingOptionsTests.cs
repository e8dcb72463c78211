using Aura.Server.History;
using Aura.Core.Config;
using Aura.Storage.Dvr;

namespace Aura.EndToEnd.Tests;

public sealed class RecordingOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aura-recording-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Options_TuningInConfigFile_ReachesTheDvr()
    {
        var config = Resolve(
            "[persistence]\nretention_seconds = 7200\nflush_seconds = 2\nminute_retention_days = 30\nhour_retention_days = 400\nmax_size_mb = 64\n");

        var options = DvrFiles.Options(config, Path.Combine(_directory, "t.sqlite"));

        options.FlushInterval.ShouldBe(TimeSpan.FromSeconds(2));
        options.Retention.Raw.ShouldBe(TimeSpan.FromHours(2));
        options.Retention.Minute.ShouldBe(TimeSpan.FromDays(30));
        options.Retention.Hour.ShouldBe(TimeSpan.FromDays(400));
        options.Retention.MaxBytes.ShouldBe(64L * 1024 * 1024);
    }

    [Fact]
    public void Options_NothingConfigured_KeepsTheStoreDefaults()
    {
        var options = DvrFiles.Options(Resolve("[persistence]\n"), Path.Combine(_directory, "t.sqlite"));

        options.FlushInterval.ShouldBe(TimeSpan.FromSeconds(5));
        options.Retention.ShouldBe(DvrRetention.Default);
    }

    private AuraConfig Resolve(string toml)
    {
        var file = Path.Combine(_directory, "aura.toml");
        File.WriteAllText(file, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory, new Dictionary<string, string?>());
        return AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: file), environment);
    }
}
