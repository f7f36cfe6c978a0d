using Microsoft.Extensions.Logging;
using System.Diagnostics;
using Marten;
using ServiceSharing.Bench.Baselines;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;
using ServiceSharing.Bench.Seeding;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>
/// Scenario 4: every projection rebuilt from scratch by Marten's projection daemon over the whole event store, grown
/// to RebuildEvents events with more seeded histories. Baseline: one sequential read of the events table. Afterwards
/// the rebuilt boards must equal the boards before, or the figure is worthless.
/// </summary>
public sealed class RebuildScenario(BenchWorkshop workshop, BenchSizes sizes, DocumentStore store, HistorySeeder seeder, RawEventReads raw)
{
    private const int RatingsPerExtraHistory = 10_000;
    private static readonly TimeSpan RebuildBudget = TimeSpan.FromMinutes(2);

    /// <summary>BENCH_REBUILD_EVENTS shrinks the store for a run whose rebuild cannot finish in the time budget at full
    /// size (the figures before the rebuild was made fast were taken that way; the report says how many events).</summary>
    private int RebuildEvents => int.TryParse(Environment.GetEnvironmentVariable("BENCH_REBUILD_EVENTS"), out var events) ? events : sizes.RebuildEvents;

    /// <summary>BENCH_DAEMON_LOG=Debug shows what the daemon does while rebuilding; silent otherwise.</summary>
    private static ILogger? DaemonLogger() =>
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("BENCH_DAEMON_LOG"), out var level)
            ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(level)).CreateLogger("daemon")
            : null;

    public async Task<RebuildResults> RunAsync(IReadOnlyList<SeededHistory> replayed)
    {
        var started = Stopwatch.GetTimestamp();
        var existing = await raw.CountAllAsync();
        var missing = RebuildEvents - existing;
        var histories = (int)Math.Ceiling(Math.Max(0, missing) / (double)(RatingsPerExtraHistory + HistorySeeder.Areas + 1));
        var perHistory = Math.Min(RatingsPerExtraHistory, (int)Math.Max(1, missing / Math.Max(1, histories)) - HistorySeeder.Areas - 1);
        // Two writers keep PostgreSQL busy while the other one serializes its batch.
        await Parallel.ForAsync(0, histories, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
            await seeder.SeedAsync($"Bench: rebuild filler {i + 1}", perHistory, new Dictionary<string, int>(), seed: 1000 + i));
        var events = await raw.CountAllAsync();
        if (events < RebuildEvents)
        {
            // Whatever the division left over, so the store holds at least the stated number of events.
            await seeder.SeedAsync("Bench: rebuild filler, the rest", (int)Math.Max(1, RebuildEvents - events - HistorySeeder.Areas - 1),
                new Dictionary<string, int>(), seed: 999);
            events = await raw.CountAllAsync();
        }

        Console.WriteLine($"  {events:N0} events in the store (seeded {events - existing:N0} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");

        // As scenario 3 does, and as autovacuum does on a service that has run a while: planned on the statistics of
        // the store before the seeding, each page of the daemon's event query read the rest of the store (a bitmap scan
        // of the whole sequence range, sorted), and a rebuild of 200,000 events took 91 s instead of 28 s.
        await seeder.SettleAsync();

        var sample = replayed.Count > 0 ? replayed.MaxBy(h => h.Ratings)!.Id : Web.Seed.MilwaukeeStudy.AssessmentId;
        var before = await workshop.App.GetTextAsync(workshop.Facilitator, $"/api/assessments/{sample}");

        var baseline = new List<double>();
        for (var i = 0; i < sizes.RebuildRepeats; i++)
        {
            var (millis, _) = await raw.ReadAllAsync();
            baseline.Add(millis / 1000);
        }

        var projections = store.Options.Projections.All.Select(p => p.Name).ToList();
        var seconds = new List<double>();
        var budget = Stopwatch.GetTimestamp();
        // Bounded in time as well: no further repeat once the rebuilds have taken RebuildBudget.
        for (var i = 0; i < sizes.RebuildRepeats && (i == 0 || Stopwatch.GetElapsedTime(budget) < RebuildBudget); i++)
        {
            var run = Stopwatch.GetTimestamp();
            var cpuBefore = new ProcessSampler(Environment.ProcessId).ReadCpu();
            using (var daemon = await store.BuildProjectionDaemonAsync(logger: DaemonLogger()))
            {
                // Side by side: each projection reads its own events, so one waits on PostgreSQL while another folds.
                await Task.WhenAll(projections.Select(async projection =>
                {
                    var one = Stopwatch.GetTimestamp();
                    await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(5), CancellationToken.None);
                    Console.WriteLine($"    {projection}: {Stopwatch.GetElapsedTime(one).TotalSeconds:F1} s");
                }));
            }

            seconds.Add(Stopwatch.GetElapsedTime(run).TotalSeconds);
            var cpu = ProcessSampler.Between(cpuBefore, new ProcessSampler(Environment.ProcessId).ReadCpu());
            Console.WriteLine($"    cores busy: rebuilding process {cpu.Bench:F2}, PostgreSQL {cpu.Postgres:F2}");
            Console.WriteLine($"  rebuild {i + 1}: {seconds[^1]:F1} s = {events / seconds[^1]:N0} events/s (sequential read: {events / baseline[Math.Min(i, baseline.Count - 1)]:N0} events/s)");
        }

        var after = await workshop.App.GetTextAsync(workshop.Facilitator, $"/api/assessments/{sample}");
        return new RebuildResults(events, projections, seconds, baseline, before == after);
    }
}
