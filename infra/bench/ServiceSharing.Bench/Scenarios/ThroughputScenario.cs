using System.Diagnostics;
using ServiceSharing.Bench.App;
using ServiceSharing.Bench.Baselines;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>
/// Scenario 1: ratings per second through HTTP, JWT auth, the stream lock, Marten's append with the inline projection
/// and the push to a watching screen, with N reviewers rating as fast as answers come back (closed loop), all on one
/// board and each on a board of their own; then many more reviewers (ManyWriters) on one board of their own, the group commit's
/// case. Baseline: pgbench single-row INSERTs at the first concurrency, the runs interleaved so all see the same machine.
/// </summary>
public sealed class ThroughputScenario(BenchWorkshop workshop, BenchSizes sizes, PgBench pgbench, ProcessSampler sampler)
{
    public async Task<ThroughputResults> RunAsync()
    {
        var app = workshop.App;
        var writers = sizes.ThroughputWriters;
        var one = await app.CreateAssessmentAsync(workshop.Facilitator, "Bench: one board, many reviewers", 10);
        var separate = new List<BenchAssessment>();
        for (var i = 0; i < writers; i++)
        {
            separate.Add(await app.CreateAssessmentAsync(workshop.Facilitator, $"Bench: board of reviewer {i + 1}", 10));
        }

        // The crowd rates a board of its own: on the first one its 64 reviewers' scores would stay on the board the 8
        // reviewers rate, a board nine times the size, and the 8-reviewer figure would measure the crowd's board.
        var crowded = await app.CreateAssessmentAsync(workshop.Facilitator, "Bench: one board, a crowd of reviewers", 10);

        var reviewers = await workshop.ReviewersAsync(writers, "Throughput");
        var crowd = await workshop.ReviewersAsync(ManyWriters, "Throughput crowd");
        // One screen watches each board, so every rating travels the push path to a real client.
        var boards = new[] { one, crowded }.Concat(separate).ToList();
        var watchers = await workshop.ObserversAsync(boards.Count, "Throughput");
        var observers = await BoardObserver.ConnectManyAsync(_ => app, watchers, i => (boards[i].Id, null));

        var firstStarted = Stopwatch.GetTimestamp();
        await app.RateAsync(reviewers[0], one, new Random(1));
        var firstMs = Stopwatch.GetElapsedTime(firstStarted).TotalMilliseconds;

        await pgbench.PrepareAsync();
        await LoadAsync(reviewers, _ => one, sizes.WarmUp);
        await LoadAsync(reviewers, i => separate[i], sizes.WarmUp);
        await LoadAsync(crowd, _ => crowded, sizes.WarmUp);

        var tps = new List<double>();
        var oneRuns = new List<LoadRun>();
        var separateRuns = new List<LoadRun>();
        var crowdRuns = new List<LoadRun>();
        for (var run = 0; run < sizes.Repeats; run++)
        {
            tps.Add(await pgbench.RunAsync(writers, sizes.ThroughputRun));
            oneRuns.Add(await LoadAsync(reviewers, _ => one, sizes.ThroughputRun));
            separateRuns.Add(await LoadAsync(reviewers, i => separate[i], sizes.ThroughputRun));
            crowdRuns.Add(await LoadAsync(crowd, _ => crowded, sizes.ThroughputRun));
            Console.WriteLine($"  run {run + 1}: pgbench {tps[^1]:F0} tps, one board {oneRuns[^1].RatingsPerSecond:F0}/s, separate boards {separateRuns[^1].RatingsPerSecond:F0}/s, " +
                              $"{ManyWriters} on one board {crowdRuns[^1].RatingsPerSecond:F0}/s");
        }

        foreach (var observer in observers)
        {
            await observer.DisposeAsync();
        }

        return new ThroughputResults(writers, firstMs, tps, oneRuns, separateRuns) { ManyWriters = ManyWriters, ManyOnOneAssessment = crowdRuns };
    }

    /// <summary>Issue 12's group-commit case: this many closed-loop reviewers on one board.</summary>
    public const int ManyWriters = 64;

    private Task<LoadRun> LoadAsync(IReadOnlyList<Participant> reviewers, Func<int, BenchAssessment> boardOf, TimeSpan duration) =>
        ClosedLoopRating.RunAsync(reviewers, _ => workshop.App, boardOf, duration, sampler);
}
