using Aura.Core.Config;
using Aura.Server.Events;

namespace Aura.Server.Tests.Events;

/// <summary>Argus's <c>[database]</c> and <c>[retention]</c> keys mean what they meant to Argus; Aura's <c>[events]</c> names win.</summary>
public sealed class EventSettingsReaderTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-event-settings-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public void Read_ArgusConfig_DatabaseAndRetentionMeanWhatTheyMeant()
    {
        var settings = Read("""
            [database]
            path = "~/.local/share/argus/events.db"
            [retention]
            days = 7
            cleanup_time = "03:00"
            vacuum_after_cleanup = false
            """, TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));

        var options = settings.Options.ShouldNotBeNull();
        options.Path.ShouldBe(Path.Combine(_home.FullName, ".local", "share", "argus", "events.db"));
        options.RetentionDays.ShouldBe(7);
        options.RetentionTimeUtc.ShouldBe(new TimeOnly(1, 0), "Argus's cleanup_time is local time; 03:00 at UTC+2 is 01:00 UTC");
        options.VacuumAfterRetention.ShouldBeFalse();
        settings.PathIsExplicit.ShouldBeTrue();
    }

    [Fact]
    public void Read_AuraNamesAndArgusNames_AuraWins()
    {
        var options = Read("""
            [events]
            path = "aura-events.sqlite"
            retention_days = 90
            cleanup_time = "04:30"
            [database]
            path = "argus.db"
            [retention]
            days = 7
            cleanup_time = "01:00"
            """).Options.ShouldNotBeNull();

        options.Path.ShouldBe(Path.Combine(_home.FullName, "aura-events.sqlite"));
        options.RetentionDays.ShouldBe(90);
        options.RetentionTimeUtc.ShouldBe(new TimeOnly(4, 30));
        options.VacuumAfterRetention.ShouldBeTrue();
    }

    [Fact]
    public void Read_DefaultPathGiven_UsedOnlyWhenTheConfigNamesNone()
    {
        var fallback = Path.Combine(_home.FullName, "argus-default.db");

        Read("[retention]\ndays = 3", defaultPath: fallback).Options!.Path.ShouldBe(fallback);
        Read("[database]\npath = \"mine.db\"", defaultPath: fallback).Options!.Path.ShouldBe(Path.Combine(_home.FullName, "mine.db"));
    }

    [Theory]
    [InlineData("[retention]\ndays = \"30\"", "line 2: retention.days must be a whole number from 0 to 36500")]
    [InlineData("[retention]\ncleanup_time = \"3am\"", "line 2: retention.cleanup_time must be a local time \"HH:MM\", not \"3am\"")]
    [InlineData("[retention]\nvacuum_after_cleanup = \"yes\"", "line 2: retention.vacuum_after_cleanup must be true or false")]
    [InlineData("[database]\npath = 3", "line 2: database.path must be a non-empty string")]
    public void Read_BadArgusValue_ErrorNamesTheKeyAsWritten(string toml, string expected)
    {
        Should.Throw<ConfigException>(() => Read(toml)).Message.ShouldContain(expected);
    }

    private EventSettings Read(string toml, TimeZoneInfo? zone = null, string? defaultPath = null)
    {
        var path = Path.Combine(_home.FullName, "config.toml");
        File.WriteAllText(path, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _home.FullName, new Dictionary<string, string?>());
        var config = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: path), environment);
        return EventSettingsReader.Read(config, null, _ => null, defaultPath, new ZonedClock(zone ?? TimeZoneInfo.Utc));
    }

    private sealed class ZonedClock(TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;
    }
}
