using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class PersistenceTuningTests : IDisposable
{
    private readonly ConfigTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Resolve_TuningKeysInFile_AreRead()
    {
        _env.WriteDefaultConfig(
            "[persistence]\nflush_seconds = 2.5\nminute_retention_days = 30\nhour_retention_days = 730.5\nmax_size_mb = 512\n");

        var tuning = _env.Resolve().Persistence;

        tuning.FlushSeconds.ShouldBe(2.5);
        tuning.MinuteRetentionDays.ShouldBe(30.0);
        tuning.HourRetentionDays.ShouldBe(730.5);
        tuning.MaxSizeMb.ShouldBe(512L);
    }

    [Fact]
    public void Resolve_NoTuningKeys_LeavesEveryValueToTheStore()
    {
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 60\n");

        _env.Resolve().Persistence.ShouldBe(PersistenceTuning.None);
    }

    [Theory]
    [InlineData("flush_seconds = 0", "persistence.flush_seconds must be greater than 0 and at most 3600 seconds, not 0")]
    [InlineData("flush_seconds = 7200", "persistence.flush_seconds must be greater than 0 and at most 3600 seconds, not 7200")]
    [InlineData("flush_seconds = 'fast'", "persistence.flush_seconds must be a number of seconds, not a string")]
    [InlineData("minute_retention_days = -1", "persistence.minute_retention_days must be greater than 0 and at most 36500 days, not -1")]
    [InlineData("hour_retention_days = nan", "persistence.hour_retention_days must be greater than 0 and at most 36500 days, not NaN")]
    [InlineData("max_size_mb = 1.5", "persistence.max_size_mb must be a whole number of MiB, not a float")]
    [InlineData("max_size_mb = 0", "persistence.max_size_mb must be greater than 0 and at most 1073741824 MiB, not 0")]
    public void Resolve_BadTuningValue_NamesFileLineAndSetting(string line, string problem)
    {
        var file = _env.WriteDefaultConfig($"[persistence]\n{line}\n");

        _env.ResolveFails().Message.ShouldBe($"{file} line 2: {problem}");
    }
}
