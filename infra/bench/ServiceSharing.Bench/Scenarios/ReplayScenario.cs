using System.Diagnostics;
using ServiceSharing.Bench.Baselines;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;
using ServiceSharing.Bench.Seeding;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>
/// Scenario 3: the board at its latest, first and middle version (and "asOf" the middle moment) for assessments with
/// 1,000 / 10,000 / 100,000 rating events; on the longest, the diff between two snapshots DiffDistance events apart
/// and the histories of one cell and one area; agreement, sensitivity and export.csv at the middle. All through the HTTP
/// API. Baseline: one plain SQL query reading the events' rows the answer is about (from the start up to the point; for
/// the diff, the events between the two points; for a cell's or an area's history, that cell's or area's rows).
/// </summary>
public sealed class ReplayScenario(BenchWorkshop workshop, BenchSizes sizes, HistorySeeder seeder, RawEventReads raw)
{
    public const string DiffFrom = "bench-diff-from";
    public const string DiffTo = "bench-diff-to";

    private static readonly TimeSpan PointBudget = TimeSpan.FromSeconds(15);

    public List<SeededHistory> Seeded { get; } = [];

    public async Task<ReplayResults> RunAsync()
    {
        var longest = sizes.ReplayHistories.Max();
        foreach (var (size, i) in sizes.ReplayHistories.Select((s, i) => (s, i)))
        {
            var snapshots = size == longest
                ? new Dictionary<string, int> { [DiffFrom] = (size - sizes.DiffDistance) / 2, [DiffTo] = (size + sizes.DiffDistance) / 2 }
                : new Dictionary<string, int>();
            var started = Stopwatch.GetTimestamp();
            Seeded.Add(await seeder.SeedAsync($"Bench: history of {size:N0} ratings", size, snapshots, seed: 100 + i));
            Console.WriteLine($"  seeded {size:N0} ratings in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        await seeder.SettleAsync();

        var points = new List<ReplayPoint>();
        foreach (var history in Seeded)
        {
            var middle = history.FirstRatingVersion + history.Ratings / 2;
            var asOfMiddle = Uri.EscapeDataString((history.Start + history.Spacing * middle + history.Spacing / 2).ToString("O"));
            var board = $"/api/assessments/{history.Id}";
            points.Add(await MeasureAsync(history, "latest", board, 1, history.LastVersion));
            points.Add(await MeasureAsync(history, "first version", $"{board}?version=1", 1, 1));
            points.Add(await MeasureAsync(history, "middle version", $"{board}?version={middle}", 1, middle));
            points.Add(await MeasureAsync(history, "asOf middle", $"{board}?asOf={asOfMiddle}", 1, middle));
            if (history.Snapshots.ContainsKey(DiffFrom))
            {
                var (from, to) = (history.Snapshots[DiffFrom], history.Snapshots[DiffTo]);
                points.Add(await MeasureAsync(history, $"diff {to - from:N0} events apart", $"{board}/diff?from={DiffFrom}&to={DiffTo}", from + 1, to));
                points.Add(await MeasureAsync(history, "history of one cell",
                    $"{board}/history?areaId={history.Areas[0]}&factor=similarity", 1, history.LastVersion, history.Areas[0], "Similarity"));
                points.Add(await MeasureAsync(history, "history of one area",
                    $"{board}/history?areaId={history.Areas[0]}", 1, history.LastVersion, history.Areas[0]));
                points.Add(await MeasureAsync(history, "history of one area, client accepting compression as browsers do",
                    $"{board}/history?areaId={history.Areas[0]}", 1, history.LastVersion, history.Areas[0], acceptCompressed: true));
                points.Add(await MeasureAsync(history, "agreement at middle version", $"{board}/agreement?version={middle}", 1, middle));
                points.Add(await MeasureAsync(history, "sensitivity at middle version", $"{board}/sensitivity?version={middle}", 1, middle));
                points.Add(await MeasureAsync(history, "export.csv at middle version", $"{board}/export.csv?version={middle}", 1, middle));
                points.Add(await MeasureAsync(history, "export.csv asOf middle", $"{board}/export.csv?asOf={asOfMiddle}", 1, middle));
            }
        }

        foreach (var point in points)
        {
            Console.WriteLine($"  {point.History,7:N0} {point.Kind,-28} {point.MedianMs,9:F1} ms   SQL {point.BaselineMs,8:F1} ms ({point.BaselineRows:N0} rows)");
        }

        return new ReplayResults(points, sizes.DiffDistance);
    }

    /// <param name="areaId">With <paramref name="factor"/>, the baseline reads only that area's (and factor's) rows.</param>
    /// <param name="acceptCompressed">True for a client that asks for compression, as a browser does: reported beside
    /// the same read uncompressed (the figure the reports have always given), without a target of its own.</param>
    private async Task<ReplayPoint> MeasureAsync(SeededHistory history, string kind, string path, long fromVersion, long toVersion,
        Guid? areaId = null, string? factor = null, bool acceptCompressed = false)
    {
        // Bounded in count and time: a read slow enough to blow the budget is timed fewer times, never skipped.
        var first = Stopwatch.GetTimestamp();
        var bytes = await workshop.App.GetAsync(workshop.Facilitator, path, acceptCompressed);
        var runs = new List<double>();
        var warmUp = Stopwatch.GetElapsedTime(first);
        if (warmUp > PointBudget / 4)
        {
            runs.Add(warmUp.TotalMilliseconds);
        }

        var budget = Stopwatch.GetTimestamp();
        while (runs.Count < sizes.ReplayQueryRepeats && (runs.Count == 0 || Stopwatch.GetElapsedTime(budget) < PointBudget))
        {
            var started = Stopwatch.GetTimestamp();
            await workshop.App.GetAsync(workshop.Facilitator, path, acceptCompressed);
            runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Task<(double Millis, long Rows)> Baseline() => areaId is { } area
            ? raw.ReadStreamOfAreaAsync(history.Id, fromVersion, toVersion, area, factor)
            : raw.ReadStreamAsync(history.Id, fromVersion, toVersion);
        await Baseline();
        var baseline = new List<double>();
        long rows = 0;
        for (var i = 0; i < sizes.ReplayQueryRepeats; i++)
        {
            (var millis, rows) = await Baseline();
            baseline.Add(millis);
        }

        return new ReplayPoint(history.Ratings, kind, path, Stats.Median(runs), runs, bytes, Stats.Median(baseline), rows, Untargeted: acceptCompressed);
    }
}
