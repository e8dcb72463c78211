using Aura.Core.Series;

namespace Aura.Core.Tests.Series;

public sealed class SeriesKeyTests
{
    [Fact]
    public void Format_LabelWithQuoteBackslashAndNewline_EscapesThemAsPrometheusDoes()
    {
        var key = SeriesKey.Format(SeriesCatalog.FilesystemSize, "/mnt/a\"b\\c\nd", null);

        key.ShouldBe("aura_filesystem_size_bytes{mountpoint=\"/mnt/a\\\"b\\\\c\\nd\"}");
    }

    [Fact]
    public void Format_NoLabels_IsTheBareName() =>
        SeriesKey.Format(SeriesCatalog.CpuUsage, null, null).ShouldBe("aura_cpu_usage_ratio");

    [Fact]
    public void LabelValues_SmallIntegers_AreReusedInstances()
    {
        ReferenceEquals(LabelValues.Of(7), LabelValues.Of(7)).ShouldBeTrue();
        LabelValues.Of(4096).ShouldBe("4096");
    }
}
