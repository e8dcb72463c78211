using Aura.Core.Series;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Dvr;

public sealed class CompactionTests : IDisposable
{
    private static readonly string Cpu = SeriesCatalog.CpuUsage.Name;
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch);

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void RunMaintenanceStep_FinishedDays_MergesRollupRowsAndKeepsEveryBucket()
    {
        using var writer = DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false }, _clock);
        for (var i = 0; i < 3 * 8640; i++)
        {
            writer.Append(Snapshots.At(Snapshots.Epoch.AddSeconds((10 * i) + (i % 7)), cpu: (i * 13 % 97) / 100.0));
        }

        writer.Flush();
        var before = Timelines();
        Count("minute").ShouldBe(71, "71 sealed hours; the last is still open");

        _clock.SetUtcNow(Snapshots.Epoch.AddDays(2).AddHours(5));
        while (writer.RunMaintenanceStep())
        {
        }

        Count("minute").ShouldBe(2 + 23, "the two finished days are one row each; today keeps a row per sealed block");
        Count("hour").ShouldBe(2 + 23);
        var after = Timelines();
        after.Select(t => t.Tier).ShouldBe([DvrTier.Minute, DvrTier.Hour]);
        after[0].Points.ShouldBe(before[0].Points);
        after[1].Points.ShouldBe(before[1].Points);
    }

    private List<TimelineResult> Timelines()
    {
        using var reader = DvrReader.Open(_dvr.Path);
        return
        [
            reader.Timeline(Cpu, Snapshots.Epoch.AddHours(20), Snapshots.Epoch.AddHours(28), 100),
            reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddDays(3), 100),
        ];
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_dvr.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
