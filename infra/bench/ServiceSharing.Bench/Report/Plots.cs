using ScottPlot;
using ScottPlot.TickGenerators;

namespace ServiceSharing.Bench.Report;

/// <summary>The two pictures of docs/performance.md: latency distributions, and replay time against history length.</summary>
public static class Plots
{
    private static readonly double[] PercentileTicks = [0, 50, 90, 99, 99.9, 99.99];

    public static void WriteLatency(BenchResults results, string path)
    {
        var plot = new Plot();
        void Add(string label, IReadOnlyList<double[]> curve)
        {
            if (curve.Count == 0)
            {
                return;
            }

            // HDR-style x axis: -log10(1 - p) spreads the tail so p99 and p99.9 stay readable.
            var xs = curve.Select(c => Spread(c[0])).ToArray();
            var ys = curve.Select(c => LogMs(c[1])).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = label;
            line.MarkerSize = 3;
        }

        if (results.Throughput is { } t)
        {
            Add($"1: rating request, one board ({t.Writers} closed-loop reviewers)", Middle(t.OneAssessment, r => r.RatingsPerSecond).RequestLatency.Curve);
            Add($"1: rating request, separate boards", Middle(t.SeparateAssessments, r => r.RatingsPerSecond).RequestLatency.Curve);
        }

        foreach (var l in new[] { results.LatencyQuiet, results.Latency }.OfType<LatencyResults>())
        {
            Add($"2: rating -> BoardChanged at {l.Observers} observers ({l.TargetRate:F0}/s)", Middle(l.Runs, r => r.Push.P99).Push.Curve);
        }

        if (results.Capacity is { } c)
        {
            Add($"5: same, with {c.Clients:N0} more clients connected", Middle(c.LatencyWhileConnected.Runs, r => r.Push.P99).Push.Curve);
        }

        foreach (var l in new[] { results.TwoNodes?.LatencyQuiet, results.TwoNodes?.Latency }.OfType<LatencyResults>())
        {
            Add($"6: the same on two nodes behind HAProxy ({l.TargetRate:F0}/s)", Middle(l.Runs, r => r.Push.P99).Push.Curve);
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(PercentileTicks.Select(Spread).ToArray(), PercentileTicks.Select(p => $"p{p}").ToArray());
        plot.Axes.Bottom.Label.Text = "percentile";
        plot.Axes.Left.TickGenerator = new NumericManual(MsTicks.Select(LogMs).ToArray(), MsTicks.Select(t => $"{t:0.#}").ToArray());
        plot.Axes.Left.Label.Text = "milliseconds (log scale)";
        plot.Title($"Latency distributions (median run of each, {results.Mode} mode)");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 600);
    }

    public static void WriteReplay(BenchResults results, string path)
    {
        if (results.Replay is not { } replay)
        {
            return;
        }

        var plot = new Plot();
        var sizes = replay.Points.Select(p => p.History).Distinct().Order().ToArray();
        foreach (var kind in replay.Points.Where(p => p.History == sizes[0]).Select(p => p.Kind))
        {
            var line = plot.Add.Scatter(sizes.Select(s => Math.Log10(s)).ToArray(),
                sizes.Select(s => LogMs(replay.Points.First(p => p.History == s && p.Kind == kind).MedianMs)).ToArray());
            line.LegendText = kind;
        }

        var latest = plot.Add.Scatter(sizes.Select(s => Math.Log10(s)).ToArray(),
            sizes.Select(s => LogMs(replay.Points.First(p => p.History == s && p.Kind == "middle version").BaselineMs)).ToArray());
        latest.LegendText = "baseline: SQL read of the events up to the middle";
        latest.LinePattern = LinePattern.Dashed;

        var target = plot.Add.HorizontalLine(LogMs(Figures.ReplayTargetMs));
        target.LegendText = $"target at the longest history: {Figures.ReplayTargetMs} ms";
        target.LinePattern = LinePattern.Dotted;

        plot.Axes.Bottom.TickGenerator = new NumericManual(sizes.Select(s => Math.Log10(s)).ToArray(), sizes.Select(s => $"{s:N0}").ToArray());
        plot.Axes.Bottom.Label.Text = "rating events in the assessment's history (log scale)";
        plot.Axes.Left.TickGenerator = new NumericManual(MsTicks.Select(LogMs).ToArray(), MsTicks.Select(t => $"{t:0.#}").ToArray());
        plot.Axes.Left.Label.Text = "milliseconds, median (log scale)";
        plot.Title("Replay time against history length");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 600);
    }

    private static readonly double[] MsTicks = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    // Latencies span three orders of magnitude between p50 and the tail: a log axis keeps both readable.
    private static double LogMs(double ms) => Math.Log10(Math.Max(ms, 0.1));

    private static double Spread(double percentile) => -Math.Log10(Math.Max(1e-5, 1 - percentile / 100));

    private static T Middle<T>(IReadOnlyList<T> runs, Func<T, double> by) => runs.OrderBy(by).ElementAt(runs.Count / 2);
}
