using System.Diagnostics;
using ServiceSharing.Bench.App;
using ServiceSharing.Bench.Cluster;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>
/// Scenario 6: the cluster of infra/cluster.sh (two nodes of the same published app on the same PostgreSQL, Redis
/// backplane, HAProxy), everyone through the proxy, pinned half to each node by HAProxy's cookie (which the proxy
/// follows for the hub and the pages; an assessment's API requests go to the node its id hashes to). Scenario 1's
/// one-board closed loop and scenario 2's open loop run again on it. Then, with half of scenario 2's observers on one
/// node and ratings going on straight to the other, that node gets a SIGKILL: each of its screens reconnects through the
/// proxy on the web app's schedule, joins the board again, and the time to its first push after the kill is the figure.
/// The killed node is started again between repeats and the screens put back on it.
/// </summary>
public sealed class TwoNodeScenario(BenchWorkshop workshop, BenchSizes sizes, ClusterOptions options, string adminKey)
{
    private const int Doomed = 0;
    private const int Survivor = 1;

    /// <summary>Ratings per second through the surviving node while the other dies: one push every 50 ms is the
    /// resolution of "pushes again".</summary>
    private const double KillRatingRate = 20;

    private const int KillRaters = 4;

    /// <summary>BENCH_KILLS=N kills (and restarts) N times instead of the mode's number: for working on the scenario.</summary>
    private int KillRepeats => int.TryParse(Environment.GetEnvironmentVariable("BENCH_KILLS"), out var kills) && kills > 0 ? kills : sizes.KillRepeats;

    /// <param name="quietRate">Scenario 2's quiet rate, run before <paramref name="liveRate"/> on the same screens; null
    /// when the run measures one rate only.</param>
    public async Task<TwoNodeResults> RunAsync(double liveRate, double? quietRate)
    {
        var starting = Stopwatch.GetTimestamp();
        await using var cluster = await TwoNodeCluster.StartAsync(options, adminKey);
        Console.WriteLine($"  two nodes behind HAProxy on {cluster.ProxyUrl}, started in {Stopwatch.GetElapsedTime(starting).TotalSeconds:F1} s (logs in {options.Directory})");
        var entrances = cluster.Entrances;
        // The facilitator's token is good on every node: tokens are signed with a key derived from the admin key.
        var onCluster = workshop with { App = entrances[0] };
        // Every node's CPU is "the app" while both run.
        var sampler = new ProcessSampler(cluster.NodePids);
        try
        {
            var throughput = await ThroughputAsync(onCluster, entrances, cluster.Direct, sampler);

            LatencyResults latency;
            LatencyResults? quiet = null;
            await using (var live = new LatencyScenario(onCluster, sizes, sampler, entrances))
            {
                await live.PrepareAsync();
                if (quietRate is { } rate)
                {
                    quiet = await live.RunAsync(rate);
                }

                latency = await live.RunAsync(liveRate);
            }

            var kills = await KillsAsync(cluster, onCluster);
            return new TwoNodeResults(sizes.ThroughputWriters, throughput.Spread, latency, kills) { BothNodesWriting = throughput.BothNodesWriting, LatencyQuiet = quiet };
        }
        finally
        {
            // Program reports the one-node app's refusals; a refusal on the cluster is as much a failure.
            foreach (var entrance in entrances.Concat(cluster.Direct))
            {
                foreach (var (refusal, count) in entrance.RatingRefusals)
                {
                    workshop.App.RatingRefusals.AddOrUpdate($"6 two nodes, {entrance.NodeCookie?.Value ?? "straight to a node"}: {refusal}", count, (_, n) => n + count);
                }
            }
        }
    }

    /// <summary>Scenario 1's one-board load: its number of reviewers through the proxy, half pinned to each node, one
    /// screen per node; each run followed by the same load sent half straight to each node, so both nodes write the
    /// board, which tells the share of a second writer on the board from the share of the proxy and the backplane.</summary>
    private async Task<(IReadOnlyList<LoadRun> Spread, IReadOnlyList<LoadRun> BothNodesWriting)> ThroughputAsync(
        BenchWorkshop onCluster, IReadOnlyList<AppClient> entrances, IReadOnlyList<AppClient> direct, ProcessSampler sampler)
    {
        var board = await onCluster.App.CreateAssessmentAsync(onCluster.Facilitator, "Bench: one board on two nodes", 10);
        var reviewers = await onCluster.ReviewersAsync(sizes.ThroughputWriters, "Two-node");
        var watchers = await onCluster.ObserversAsync(entrances.Count, "Two-node");
        var screens = await BoardObserver.ConnectManyAsync(i => entrances[i], watchers, _ => (board.Id, null));
        try
        {
            AppClient Spread(int reviewer) => entrances[reviewer % entrances.Count];
            AppClient Straight(int reviewer) => direct[reviewer % direct.Count];
            // Both nodes have just started, where the one-node app of scenario 1 had served for a while: a run's worth
            // of each load first, so that each node has written the board before anything counts. With the one-node
            // warm-up alone, the runs of the full run after change 25 rose 199, 347, 895 ratings/s (notes, change 25).
            await ClosedLoopRating.RunAsync(reviewers, Spread, _ => board, sizes.ThroughputRun, sampler);
            await ClosedLoopRating.RunAsync(reviewers, Straight, _ => board, sizes.ThroughputRun, sampler);
            var spread = new List<LoadRun>();
            var bothWriting = new List<LoadRun>();
            for (var run = 0; run < sizes.Repeats; run++)
            {
                spread.Add(await ClosedLoopRating.RunAsync(reviewers, Spread, _ => board, sizes.ThroughputRun, sampler));
                bothWriting.Add(await ClosedLoopRating.RunAsync(reviewers, Straight, _ => board, sizes.ThroughputRun, sampler));
                Console.WriteLine($"  run {run + 1}: one board through the proxy, half pinned to each node {spread[^1].RatingsPerSecond:F0}/s, " +
                                  $"half straight to each node {bothWriting[^1].RatingsPerSecond:F0}/s");
            }

            return (spread, bothWriting);
        }
        finally
        {
            foreach (var screen in screens)
            {
                await screen.DisposeAsync();
            }
        }
    }

    private async Task<IReadOnlyList<KillRun>> KillsAsync(TwoNodeCluster cluster, BenchWorkshop onCluster)
    {
        var board = await onCluster.App.CreateAssessmentAsync(onCluster.Facilitator, "Bench: a node dies", 10);
        // As many screens as sat on each node in the live runs.
        var people = await onCluster.ObserversAsync(Math.Max(1, sizes.LatencyObservers / 2), "Kill");
        var raters = await onCluster.ReviewersAsync(KillRaters, "Kill");
        var runs = new List<KillRun>();
        for (var repeat = 0; repeat < KillRepeats; repeat++)
        {
            if (repeat > 0)
            {
                var restarting = Stopwatch.GetTimestamp();
                await cluster.RestartAsync(Doomed);
                Console.WriteLine($"  {TwoNodeCluster.NodeNames[Doomed]} started again and in the proxy after {Stopwatch.GetElapsedTime(restarting).TotalSeconds:F1} s");
            }

            var run = await KillOnceAsync(cluster, board, people, raters);
            runs.Add(run);
            Console.WriteLine($"  kill {repeat + 1}: {run.PushesAgainMs.Count}/{run.Screens} screens had pushes again, " +
                              $"median {Stats.Median(run.PushesAgainMs):F0} ms, max {(run.PushesAgainMs.Count > 0 ? run.PushesAgainMs.Max() : double.NaN):F0} ms after the SIGKILL " +
                              $"(reconnected: median {Stats.Median(run.ReconnectedMs):F0} ms)" +
                              (run.NotOnKilledNode > 0 ? $"; {run.NotOnKilledNode} screens were not on the killed node" : ""));
        }

        return runs;
    }

    private async Task<KillRun> KillOnceAsync(TwoNodeCluster cluster, BenchAssessment board, IReadOnlyList<Participant> people, IReadOnlyList<Participant> raters)
    {
        var doomed = cluster.Entrances[Doomed];
        // The doomed node's cookie reaches it only while the proxy counts it up; a busy health check can take it out
        // for a moment, and screens joining then would sit on the survivor and never notice the kill.
        await cluster.WaitRoutedAsync(Doomed);
        var screens = await BoardObserver.ConnectManyAsync(_ => doomed, people, _ => (board.Id, null));
        using var stop = new CancellationTokenSource();
        // Straight to the survivor: through the proxy, the board's requests would go to the node its id hashes to,
        // which may be the one about to die.
        var ratings = SteadyRatingsAsync(cluster.Direct[Survivor], raters, board, stop.Token);
        try
        {
            // Pushes reach every screen before the kill, so what is measured after it is their coming back.
            await WaitAsync(() => screens.All(s => s.FirstArrivalAfter(0) is not null), sizes.KillWait,
                "every screen on the doomed node receiving pushes");
            // What came before the kill is of no use any more (and would only lengthen every look below).
            foreach (var screen in screens)
            {
                screen.Drain();
            }

            var killedAt = cluster.Kill(Doomed);
            // A push counts once its screen has come back: one the dead node had sent just before the kill can still
            // be arriving in the first milliseconds after it (one kill measured "2 ms" that way).
            bool PushesAgain(BoardObserver s) => s.ReconnectedAt is { } at && at > killedAt && s.FirstArrivalAfter(at) is not null;
            await WaitAsync(() => screens.All(PushesAgain), sizes.KillWait, null);
            await stop.CancelAsync();
            var ratingsPerSecond = await ratings;

            double Ms(long at) => Stopwatch.GetElapsedTime(killedAt, at).TotalMilliseconds;
            // A screen that had pushes after the kill without ever losing its connection was not on the killed node:
            // it measures nothing about coming back, so it is counted apart and its pushes are left out.
            bool LostConnection(BoardObserver s) => s.ReconnectedAt is { } at && at > killedAt;
            var elsewhere = screens.Count(s => !LostConnection(s) && s.FirstArrivalAfter(killedAt) is not null);
            var cameBack = screens.Where(LostConnection).ToList();
            var pushesAgain = cameBack.Select(s => s.FirstArrivalAfter(s.ReconnectedAt!.Value)).OfType<long>().Select(Ms).ToList();
            var reconnected = cameBack.Select(s => Ms(s.ReconnectedAt!.Value)).ToList();
            return new KillRun(screens.Count, ratingsPerSecond, reconnected, pushesAgain) { NotOnKilledNode = elsewhere };
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var screen in screens)
            {
                await screen.DisposeAsync();
            }
        }
    }

    /// <summary>An open loop of ratings at <see cref="KillRatingRate"/> until stopped; returns the rate achieved.</summary>
    private static async Task<double> SteadyRatingsAsync(AppClient via, IReadOnlyList<Participant> raters, BenchAssessment board, CancellationToken stop)
    {
        await Task.Yield();
        var sent = new List<Task<long?>>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var due = started + (long)(i / KillRatingRate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            sent.Add(via.RateAsync(raters[i % raters.Count], board, new Random(i)));
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var answered = await Task.WhenAll(sent);
        return answered.Count(version => version is not null) / seconds;
    }

    /// <summary>Polls until the condition holds or the time is up; fails with <paramref name="what"/> if given, else just returns.</summary>
    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string? what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                if (what is not null)
                {
                    throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}.");
                }

                return;
            }

            await Task.Delay(50);
        }
    }
}
