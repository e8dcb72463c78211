using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Tests.Codecs;

public sealed class ColumnCodecTests
{
    private const long A = Column.Absent;

    [Fact]
    public void Encode_Empty_RoundTrips() => RoundTrip([]).ShouldBeEmpty();

    [Fact]
    public void Encode_SingleSample_RoundTrips() => RoundTrip([42]).ShouldBe([42]);

    [Fact]
    public void Encode_OnlyAbsent_RoundTrips() => RoundTrip([A, A, A]).ShouldBe([A, A, A]);

    [Fact]
    public void Encode_NegativeValues_RoundTrips() =>
        RoundTrip([-5, -1_000_000, 3, -3, 0, long.MinValue + 1 + (Column.MaxMagnitude / 2)])
            .ShouldBe([-5, -1_000_000, 3, -3, 0, long.MinValue + 1 + (Column.MaxMagnitude / 2)]);

    [Fact]
    public void Encode_HugeDeltas_RoundTrips()
    {
        var max = Column.MaxMagnitude - 1;
        long[] values = [max, -max, max, 0, -max, 1, max];
        RoundTrip(values).ShouldBe(values);
    }

    [Fact]
    public void Encode_IrregularTimestamps_RoundTrips()
    {
        var random = new Random(7);
        var values = new long[5000];
        var t = 1_763_000_000_000L;
        for (var i = 0; i < values.Length; i++)
        {
            t += i % 500 == 0 ? random.Next(1, 86_400_000) : 1000 + random.Next(-40, 40);
            values[i] = t;
        }

        RoundTrip(values).ShouldBe(values);
    }

    [Fact]
    public void Encode_GapsAtStartMiddleAndEnd_KeepsAbsentTicks()
    {
        long[] values = [A, A, 10, 11, A, 12, 12, A];
        RoundTrip(values).ShouldBe(values);
        RoundTrip([5, A, A, 5]).ShouldBe([5, A, A, 5]);
    }

    [Fact]
    public void Encode_RandomValues_RoundTrips()
    {
        var random = new Random(11);
        for (var round = 0; round < 50; round++)
        {
            var values = new long[random.Next(0, 3000)];
            var scale = 1L << random.Next(0, 60);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(10) == 0 ? A : random.NextInt64(-scale, scale);
            }

            RoundTrip(values).ShouldBe(values);
        }
    }

    [Fact]
    public void Encode_ConstantSeries_CostsAFewBytes()
    {
        var values = Enumerable.Repeat(25_276_502L, 3600).ToArray();
        Encoded(values).Length.ShouldBeLessThanOrEqualTo(8);
        RoundTrip(values).ShouldBe(values);
    }

    [Fact]
    public void Encode_SteadyCounter_CostsUnderABitPerSample()
    {
        // uptime in seconds at 1 Hz: a constant step, what delta-of-delta is for
        var values = Enumerable.Range(0, 3600).Select(i => 12_345L + i).ToArray();
        Encoded(values).Length.ShouldBeLessThan(3600 / 8);
        RoundTrip(values).ShouldBe(values);
    }

    [Fact]
    public void Encode_MostlyQuietSeries_CostsUnderHalfAByteASample()
    {
        // a ratio that sits at zero with an occasional blip, like iowait on an idle machine
        var random = new Random(3);
        var values = Enumerable.Range(0, 3600).Select(_ => random.Next(50) == 0 ? (long)random.Next(1, 200) : 0L).ToArray();
        Encoded(values).Length.ShouldBeLessThan(3600 / 2);
        RoundTrip(values).ShouldBe(values);
    }

    private static byte[] Encoded(long[] values)
    {
        using var output = new ByteWriter();
        new ColumnEncoder().Encode(values, output);
        return output.ToArray();
    }

    private static long[] RoundTrip(long[] values)
    {
        var decoded = new long[values.Length];
        var present = new ColumnDecoder().Decode(Encoded(values), decoded);
        present.ShouldBe(values.Count(v => v != A));
        return decoded;
    }
}
