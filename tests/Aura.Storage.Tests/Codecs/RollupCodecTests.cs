using Aura.Storage.Dvr.Codecs;
using Aura.Storage.Dvr.Rollups;

namespace Aura.Storage.Tests.Codecs;

public sealed class RollupCodecTests
{
    private const long Minute = 60_000;

    [Fact]
    public void Accumulate_Samples_GivesMinMaxSumCountPerBucket()
    {
        long[] times = [0, 30_000, 59_999, 60_000, 180_000];
        long[] values = [5, -3, Column.Absent, 10, 7];
        var buckets = new List<Bucket>();
        Bucket.Accumulate(times, values, Minute, buckets);

        buckets.Select(b => (b.Start, b.Count, b.Min, b.Max, b.Sum)).ShouldBe(
        [
            (0L, 2L, -3L, 5L, 2L),
            (60_000L, 1L, 10L, 10L, 10L),
            (180_000L, 1L, 7L, 7L, 7L),
        ]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(1440)]
    public void WriteSection_ThenRead_RoundTripsBuckets(int count)
    {
        var random = new Random(count);
        var buckets = new List<Bucket>();
        var index = 29_000_000L;
        for (var i = 0; i < count; i++)
        {
            index += random.Next(10) == 0 ? random.Next(2, 100) : 1;
            var min = random.NextInt64(-1_000_000, 1_000_000);
            var n = random.Next(1, 61);
            var max = min + random.Next(0, 5000);
            buckets.Add(new Bucket { Start = index * Minute, Count = n, Min = min, Max = max, Sum = (min * n) + random.Next(0, (int)(max - min) * n + 1) });
        }

        using var codec = new RollupCodec();
        using var output = new ByteWriter();
        codec.WriteSection(buckets.ToArray(), Minute, output);
        var decoded = new List<Bucket>();
        codec.ReadSection(output.WrittenSpan, Minute, decoded);

        decoded.ShouldBe(buckets);
    }

    [Fact]
    public void ReadSection_FirstBucketContinuesLast_MergesThem()
    {
        using var codec = new RollupCodec();
        using var output = new ByteWriter();
        codec.WriteSection([new Bucket { Start = Minute, Count = 2, Min = 1, Max = 4, Sum = 5 }], Minute, output);
        var buckets = new List<Bucket> { new() { Start = Minute, Count = 1, Min = 0, Max = 0, Sum = 0 } };

        codec.ReadSection(output.WrittenSpan, Minute, buckets);

        buckets.ShouldHaveSingleItem().ShouldBe(new Bucket { Start = Minute, Count = 3, Min = 0, Max = 4, Sum = 5 });
    }
}
