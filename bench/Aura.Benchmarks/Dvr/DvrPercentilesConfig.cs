using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Aura.Benchmarks.Dvr;

/// <summary>Adds the median and 95th percentile columns the query target is stated in.</summary>
internal sealed class DvrPercentilesConfig : ManualConfig
{
    public DvrPercentilesConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
}
