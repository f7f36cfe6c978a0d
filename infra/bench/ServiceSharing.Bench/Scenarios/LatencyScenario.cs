using System.Collections.Concurrent;
using System.Diagnostics;
using ServiceSharing.Bench.App;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>
/// Scenario 2: from the moment a rating's HTTP request leaves to the moment its BoardChanged arrives, at every one of
/// the observers on that board, with the reviewers sending at a fixed rate (open loop: a slow answer does not slow
/// the next request down, so queueing shows in the figures instead of hiding). Scenario 6 runs it again on two nodes:
/// reviewer i sends, and observer i watches, through entrance i modulo their number.
/// </summary>
public sealed class LatencyScenario(BenchWorkshop workshop, BenchSizes sizes, ProcessSampler sampler, IReadOnlyList<AppClient>? entrances = null)
    : IAsyncDisposable
{
    private readonly IReadOnlyList<AppClient> _entrances = entrances ?? [workshop.App];

    private static readonly TimeSpan PushGrace = TimeSpan.FromSeconds(1);

    private IReadOnlyList<Participant> _reviewers = [];
    private IReadOnlyList<BoardObserver> _observers = [];
    private BenchAssessment? _board;

    public async Task PrepareAsync()
    {
        _board = await workshop.App.CreateAssessmentAsync(workshop.Facilitator, "Bench: live workshop", 10);
        _reviewers = await workshop.ReviewersAsync(sizes.LatencyReviewers, "Live");
        var watchers = await workshop.ObserversAsync(sizes.LatencyObservers, "Live");
        _observers = await BoardObserver.ConnectManyAsync(i => _entrances[i % _entrances.Count], watchers, _ => (_board.Id, null));
    }

    public async Task<LatencyResults> RunAsync(double rate)
    {
        // A short run first, so codegen, JIT and pools are warm before anything counts.
        await MeasureAsync(rate, sizes.WarmUp);
        var runs = new List<LatencyRun>();
        for (var i = 0; i < sizes.Repeats; i++)
        {
            runs.Add(await MeasureAsync(rate, sizes.LatencyRun));
            var last = runs[^1];
            Console.WriteLine($"  run {i + 1}: {last.AchievedRate:F0}/s sent, p50 {last.Push.P50:F1} ms, p95 {last.Push.P95:F1} ms, p99 {last.Push.P99:F1} ms, " +
                              $"{last.Delivered}/{last.ExpectedDeliveries} pushes; answered p50 {last.Answer?.P50:F1} ms, p99 {last.Answer?.P99:F1} ms");
        }

        return new LatencyResults(_reviewers.Count, _observers.Count, rate, runs);
    }

    private async Task<LatencyRun> MeasureAsync(double rate, TimeSpan duration)
    {
        foreach (var observer in _observers)
        {
            observer.Drain();
        }

        var count = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var sentAt = new ConcurrentDictionary<long, long>();
        var answers = new ConcurrentBag<double>();
        var requests = new List<Task>(count);
        var succeeded = 0;
        var cpuBefore = sampler.ReadCpu();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = started + (long)(i / rate * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < due)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            var reviewer = i % _reviewers.Count;
            var random = new Random(i);
            requests.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                if (await _entrances[reviewer % _entrances.Count].RateAsync(_reviewers[reviewer], _board!, random) is { } version)
                {
                    sentAt[version] = sent;
                    answers.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    Interlocked.Increment(ref succeeded);
                }
            }));
        }

        await Task.WhenAll(requests);
        var sendSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // The last pushes are still on their way when the last answer is in.
        await Task.Delay(PushGrace);
        var cpu = ProcessSampler.Between(cpuBefore, sampler.ReadCpu());

        var latencies = new List<double>();
        foreach (var observer in _observers)
        {
            foreach (var (version, at) in observer.Drain())
            {
                if (sentAt.TryGetValue(version, out var sent))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                }
            }
        }

        return new LatencyRun(rate, count / sendSeconds, count, succeeded, latencies.Count, (long)succeeded * _observers.Count, cpu, Stats.Summarize(latencies), Stats.Summarize([.. answers]));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var observer in _observers)
        {
            await observer.DisposeAsync();
        }
    }
}
