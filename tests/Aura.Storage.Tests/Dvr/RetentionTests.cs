using Aura.Core.Series;
using Aura.Storage.Dvr;
using Aura.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Tests.Dvr;

public sealed class RetentionTests : IDisposable
{
    private static readonly string Cpu = SeriesCatalog.CpuUsage.Name;
    private readonly TempDvr _dvr = new();
    private readonly FakeTimeProvider _clock = new(Snapshots.Epoch);

    public void Dispose() => _dvr.Dispose();

    [Fact]
    public void RunMaintenanceStep_PastRawRetention_DropsOldBlocksAndKeepsRollups()
    {
        var retention = new DvrRetention { Raw = TimeSpan.FromDays(14) };
        using (var writer = Open(retention))
        {
            WriteDays(writer, 20, TimeSpan.FromMinutes(1));
            _clock.SetUtcNow(Snapshots.Epoch.AddDays(20));
            writer.RunMaintenanceStep().ShouldBeTrue("more than one step's worth of blocks is out of date");
            while (writer.RunMaintenanceStep())
            {
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        var oldestRaw = reader.Range(null, null, includeValues: false)[0].Timestamp;
        oldestRaw.ShouldBeGreaterThanOrEqualTo(Snapshots.Epoch.AddDays(6).AddHours(-1), "blocks ending before the cutoff are gone");
        oldestRaw.ShouldBeLessThanOrEqualTo(Snapshots.Epoch.AddDays(6));
        var firstDay = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddDays(1), 2000);
        firstDay.Tier.ShouldBe(DvrTier.Minute, "raw no longer covers day one, its minute rollups do");
        firstDay.Points[0].Time.ShouldBe(Snapshots.Epoch);
    }

    [Fact]
    public void RunMaintenanceStep_PastMinuteRetention_FallsBackToHourTier()
    {
        var retention = new DvrRetention { Raw = TimeSpan.FromDays(2), Minute = TimeSpan.FromDays(5) };
        using (var writer = Open(retention))
        {
            WriteDays(writer, 8, TimeSpan.FromMinutes(1));
            _clock.SetUtcNow(Snapshots.Epoch.AddDays(8));
            while (writer.RunMaintenanceStep())
            {
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        var firstDay = reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddDays(1), 2000);
        firstDay.Tier.ShouldBe(DvrTier.Hour);
        firstDay.Points.Length.ShouldBe(25);
        reader.Timeline(Cpu, Snapshots.Epoch.AddDays(4), Snapshots.Epoch.AddDays(5), 2000).Tier.ShouldBe(DvrTier.Minute);
    }

    [Fact]
    public void RunMaintenanceStep_BeforeRetention_KeepsEverything()
    {
        using (var writer = Open(DvrRetention.Default))
        {
            WriteDays(writer, 3, TimeSpan.FromMinutes(1));
            _clock.SetUtcNow(Snapshots.Epoch.AddDays(3));
            while (writer.RunMaintenanceStep())
            {
            }
        }

        using var reader = DvrReader.Open(_dvr.Path);
        reader.Range(null, null, includeValues: false).Count.ShouldBe(3 * 1440);
    }

    [Fact]
    public void RunMaintenanceStep_OverSizeCap_DropsOldestRawFirstUntilUnderCap()
    {
        using (var writer = Open(DvrRetention.Default))
        {
            WriteDays(writer, 2, TimeSpan.FromSeconds(5));
            _clock.SetUtcNow(Snapshots.Epoch.AddDays(2));
            while (writer.RunMaintenanceStep())
            {
            }
        }

        var used = UsedBytes();
        long rawBytes;
        using (var before = DvrReader.Open(_dvr.Path))
        {
            rawBytes = before.Stats().Tiers[0].Bytes;
        }

        var cap = used - (rawBytes / 2);
        using (var writer = Open(DvrRetention.Default with { MaxBytes = cap }))
        {
            _clock.SetUtcNow(Snapshots.Epoch.AddDays(2));
            while (writer.RunMaintenanceStep())
            {
            }
        }

        UsedBytes().ShouldBeLessThanOrEqualTo(cap);
        new FileInfo(_dvr.Path).Length.ShouldBeLessThan(used, "freed pages go back to the file system");
        using var reader = DvrReader.Open(_dvr.Path);
        var ticks = reader.Range(null, null, includeValues: false);
        ticks[^1].Timestamp.ShouldBe(Snapshots.Epoch.AddDays(2).AddSeconds(-5), "the newest data stays");
        ticks[0].Timestamp.ShouldBeGreaterThan(Snapshots.Epoch.AddHours(6), "the oldest raw blocks went first");
        reader.Timeline(Cpu, Snapshots.Epoch, Snapshots.Epoch.AddHours(1), 100).Points.ShouldNotBeEmpty("rollups of dropped raw blocks remain");
    }

    [Fact]
    public void Vacuum_AfterRetention_ShrinksTheFileAndKeepsData()
    {
        using var writer = Open(new DvrRetention { Raw = TimeSpan.FromDays(1) });
        WriteDays(writer, 3, TimeSpan.FromSeconds(10));
        writer.Flush();
        _clock.SetUtcNow(Snapshots.Epoch.AddDays(3));
        while (writer.RunMaintenanceStep())
        {
        }

        writer.Vacuum();

        UsedBytes().ShouldBe(new FileInfo(_dvr.Path).Length);
        using var reader = DvrReader.Open(_dvr.Path);
        reader.Latest(1).ShouldHaveSingleItem().Timestamp.ShouldBe(Snapshots.Epoch.AddDays(3).AddSeconds(-10));
    }

    private static void WriteDays(DvrWriter writer, int days, TimeSpan step)
    {
        var count = (int)(TimeSpan.FromDays(days) / step);
        for (var i = 0; i < count; i++)
        {
            writer.Append(Snapshots.At(Snapshots.Epoch + (step * i), cpu: (i % 17) / 100.0));
        }

        writer.Flush();
    }

    private DvrWriter Open(DvrRetention retention) =>
        DvrWriter.Open(new DvrOptions { Path = _dvr.Path, BackgroundFlush = false, Retention = retention }, _clock);

    private long UsedBytes()
    {
        using var connection = new SqliteConnection($"Data Source={_dvr.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count) - (SELECT freelist_count FROM pragma_freelist_count)";
        return (long)command.ExecuteScalar()! * 4096;
    }
}
