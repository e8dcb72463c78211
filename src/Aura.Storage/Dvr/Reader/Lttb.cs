using System.Collections.Immutable;

namespace Aura.Storage.Dvr.Reader;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013), as the Python Aura did it: the first and last
/// points are kept, the rest split into buckets of (n - 2) / (target - 2) points, and from each bucket the point
/// forming the largest triangle with the previous pick and the next bucket's mean is kept. Each kept point carries
/// the min and max of its whole bucket, so a one-sample spike survives as the envelope.
/// </summary>
internal static class Lttb
{
    public static ImmutableArray<TimelinePoint> Downsample(IReadOnlyList<TimelinePoint> points, int target)
    {
        if (target < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A timeline needs a budget of at least 2 points: the first and last are always kept.");
        }

        var n = points.Count;
        if (n <= target)
        {
            return [.. points];
        }

        var origin = points[0].Time.ToUnixTimeMilliseconds();
        var result = ImmutableArray.CreateBuilder<TimelinePoint>(target);
        result.Add(points[0]);
        var a = 0;
        var buckets = target - 2;
        for (var i = 0; i < buckets; i++)
        {
            var start = Edge(i, n, buckets);
            var end = Edge(i + 1, n, buckets);
            var nextEnd = Math.Min(Edge(i + 2, n, buckets), n);
            double meanX = 0, meanY = 0;
            for (var j = end; j < nextEnd; j++)
            {
                meanX += X(points[j], origin);
                meanY += points[j].Avg;
            }

            meanX /= nextEnd - end;
            meanY /= nextEnd - end;
            var ax = X(points[a], origin);
            var ay = points[a].Avg;
            var best = start;
            var bestArea = -1.0;
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var j = start; j < end; j++)
            {
                var p = points[j];
                var area = Math.Abs(((ax - meanX) * (p.Avg - ay)) - ((ax - X(p, origin)) * (meanY - ay)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = j;
                }

                min = Math.Min(min, p.Min);
                max = Math.Max(max, p.Max);
            }

            result.Add(points[best] with { Min = min, Max = max });
            a = best;
        }

        result.Add(points[n - 1]);
        return result.MoveToImmutable();
    }

    // Bucket i covers [Edge(i), Edge(i + 1)); integer arithmetic so edges land exactly, the last one on n - 1.
    private static int Edge(int i, int n, int buckets) => (int)((long)i * (n - 2) / buckets) + 1;

    private static double X(in TimelinePoint point, long origin) => point.Time.ToUnixTimeMilliseconds() - origin;
}
