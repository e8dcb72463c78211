using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Rollups;

/// <summary>A rollup bucket in units of the series' precision: min, max, sum and count of the samples in it.</summary>
internal struct Bucket
{
    public long Start;
    public long Count;
    public long Min;
    public long Max;
    public long Sum;

    public static Bucket Of(long start, long value) => new() { Start = start, Count = 1, Min = value, Max = value, Sum = value };

    public void Add(long value)
    {
        Count++;
        Sum = unchecked(Sum + value);
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    public void Merge(in Bucket other)
    {
        Count += other.Count;
        Sum = unchecked(Sum + other.Sum);
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// Appends the buckets of a column to <paramref name="buckets"/>, merging into the last one when it has the same
    /// start (a bucket split across two blocks, or head rows after a sealed block).
    /// </summary>
    public static void Accumulate(ReadOnlySpan<long> times, ReadOnlySpan<long> values, long bucketMs, List<Bucket> buckets)
    {
        for (var i = 0; i < times.Length; i++)
        {
            var value = values[i];
            if (value == Column.Absent)
            {
                continue;
            }

            var start = times[i] - Mod(times[i], bucketMs);
            if (buckets.Count > 0 && buckets[^1].Start == start)
            {
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buckets);
                span[^1].Add(value);
            }
            else
            {
                buckets.Add(Of(start, value));
            }
        }
    }

    public static void AppendMerging(List<Bucket> buckets, in Bucket bucket)
    {
        if (buckets.Count > 0 && buckets[^1].Start == bucket.Start)
        {
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buckets)[^1].Merge(bucket);
        }
        else
        {
            buckets.Add(bucket);
        }
    }

    public static long Mod(long value, long divisor)
    {
        var remainder = value % divisor;
        return remainder < 0 ? remainder + divisor : remainder;
    }
}
