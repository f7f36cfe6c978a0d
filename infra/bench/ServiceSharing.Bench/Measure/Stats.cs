namespace ServiceSharing.Bench.Measure;

public static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values.ToArray(), 50);

    /// <summary>Nearest-rank percentile of unsorted values; NaN when there are none.</summary>
    public static double Percentile(double[] values, double percent)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return PercentileOfSorted(sorted, percent);
    }

    public static double PercentileOfSorted(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static LatencySummary Summarize(IReadOnlyCollection<double> millis)
    {
        var sorted = millis.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(
            sorted.Length,
            PercentileOfSorted(sorted, 50),
            PercentileOfSorted(sorted, 95),
            PercentileOfSorted(sorted, 99),
            sorted.Length == 0 ? double.NaN : sorted[^1],
            Curve(sorted));
    }

    /// <summary>The latency at a fixed ladder of percentiles, enough to draw the distribution without every sample.</summary>
    private static IReadOnlyList<double[]> Curve(double[] sorted)
    {
        double[] ladder = [0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 97.5, 98, 98.5, 99, 99.25, 99.5, 99.75, 99.9, 99.95, 99.99, 100];
        return sorted.Length == 0 ? [] : ladder.Select(p => new[] { p, p == 0 ? sorted[0] : PercentileOfSorted(sorted, p) }).ToList();
    }
}

/// <summary>Percentiles in milliseconds; Curve pairs [percentile, ms].</summary>
public sealed record LatencySummary(int Samples, double P50, double P95, double P99, double Max, IReadOnlyList<double[]> Curve);
