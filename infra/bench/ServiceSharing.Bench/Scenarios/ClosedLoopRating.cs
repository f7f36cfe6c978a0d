using System.Diagnostics;
using ServiceSharing.Bench.App;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>The load of scenario 1 (and of its two-node twin): reviewers rating as fast as answers come back.</summary>
public static class ClosedLoopRating
{
    /// <summary>Each reviewer rates in a loop, through <paramref name="via"/> of its index, until the time or the count
    /// runs out; refusals are counted, not retried.</summary>
    public static async Task<LoadRun> RunAsync(IReadOnlyList<Participant> reviewers, Func<int, AppClient> via, Func<int, BenchAssessment> boardOf,
        TimeSpan duration, ProcessSampler sampler)
    {
        var latencies = new List<double>[reviewers.Count];
        var failed = 0;
        var cpuBefore = sampler.ReadCpu();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(reviewers.Select((reviewer, i) => Task.Run(async () =>
        {
            var random = new Random(i * 7919 + 17);
            var mine = latencies[i] = [];
            for (var n = 0; n < BenchSizes.MaxRequestsPerWriter && Stopwatch.GetTimestamp() < deadline; n++)
            {
                var sent = Stopwatch.GetTimestamp();
                if (await via(i).RateAsync(reviewer, boardOf(i), random) is null)
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = ProcessSampler.Between(cpuBefore, sampler.ReadCpu());
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadRun(all.Count / seconds, all.Count, failed, seconds, cpu, Stats.Summarize(all));
    }
}
