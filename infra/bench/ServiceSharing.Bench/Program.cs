using System.Diagnostics;
using ServiceSharing.Bench;
using ServiceSharing.Bench.App;
using ServiceSharing.Bench.Baselines;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;
using ServiceSharing.Bench.Scenarios;
using ServiceSharing.Bench.Seeding;

// The load generator of infra/bench.sh: runs every scenario against the app it is pointed at, then writes
// performance.md, results.json and the pictures to --out. Exits non-zero when a scenario produced no figures.
// "--render RESULTS.json --out DIR [--notes FILE]" only writes the report again from results measured before.
if (args is ["--render", var measured, ..])
{
    return await ReportFiles.RenderAgainAsync(measured, args);
}

var options = BenchOptions.Parse(args);
var sizes = options.Sizes;
var started = Stopwatch.GetTimestamp();
Directory.CreateDirectory(options.OutputDirectory);

var results = new BenchResults
{
    Mode = sizes.Mode,
    StartedAt = DateTimeOffset.UtcNow,
    Machine = await MachineReport.CollectAsync(options.ConnectionString, options.PgBench)
};

using var app = new AppClient(options.BaseUrl, options.AdminKey);
await using var store = BenchStore.Open(options.ConnectionString, options.Schema);
var sampler = new ProcessSampler(options.AppPid);
var workshop = await BenchWorkshop.StartAsync(app);
var pgbench = new PgBench(options.PgBench, options.ConnectionString, Directory.CreateTempSubdirectory("servicesharing-pgbench").FullName);
var raw = new RawEventReads(options.ConnectionString, options.Schema);
var seeder = new HistorySeeder(store, options.ConnectionString, sizes.SeedBatch);

// BENCH_ONLY=3,4 runs only those scenarios: for working on one of them, never for the published figures.
var only = Environment.GetEnvironmentVariable("BENCH_ONLY")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

async Task Scenario(string name, Func<Task> run)
{
    if (only is not null && !only.Contains(name[..1]))
    {
        results.Failures.Add($"{name}: skipped (BENCH_ONLY)");
        return;
    }

    Console.WriteLine($"{name} ...");
    var at = Stopwatch.GetTimestamp();
    try
    {
        await run();
        Console.WriteLine($"{name}: done in {Stopwatch.GetElapsedTime(at).TotalSeconds:F0} s");
    }
    catch (Exception e)
    {
        results.Failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine($"{name} failed: {e}");
    }
}

await Scenario("1 rating throughput", async () =>
    results.Throughput = await new ThroughputScenario(workshop, sizes, pgbench, sampler).RunAsync());

// Issue 12's two workshops: 10 ratings/s in total and 100/s, the same observers watching. Capacity and two nodes
// repeat the busy one. BENCH_LIVE_RATE=N runs only that rate (for working on scenario 2).
var chosenRate = double.TryParse(Environment.GetEnvironmentVariable("BENCH_LIVE_RATE"), out var fixedRate) ? fixedRate : (double?)null;
var liveRate = chosenRate ?? Figures.BusyRate;
await using var live = new LatencyScenario(workshop, sizes, sampler);
await Scenario("2 live latency", async () =>
{
    await live.PrepareAsync();
    if (chosenRate is null)
    {
        results.LatencyQuiet = await live.RunAsync(Figures.QuietRate);
    }

    results.Latency = await live.RunAsync(liveRate);
});

// Capacity right after the live scenario it repeats, before replay's long histories grow the heap: it measures
// what the connected clients cost.
await Scenario("5 capacity", async () =>
    results.Capacity = await new CapacityScenario(workshop, sizes, sampler).RunAsync(live, liveRate));

// Two nodes next, on the same database state and machine as the one-node figures they are set beside; the cluster is
// gone again before replay and rebuild.
await Scenario("6 two nodes", async () =>
    results.TwoNodes = await new TwoNodeScenario(workshop, sizes,
        options.Cluster ?? throw new ArgumentException("Scenario 6 needs --app-dir and the cluster's options (infra/bench.sh gives them)."),
        options.AdminKey).RunAsync(liveRate, chosenRate is null ? Figures.QuietRate : null));

var replay = new ReplayScenario(workshop, sizes, seeder, raw);
await Scenario("3 replay", async () => results.Replay = await replay.RunAsync());

// Rebuild last: it rewrites every read model, which nothing else should be reading meanwhile.
await Scenario("4 rebuild", async () =>
    results.Rebuild = await new RebuildScenario(workshop, sizes, store, seeder, raw).RunAsync(replay.Seeded));

results.Figures.AddRange(Figures.Of(results));
results.RatingRefusals = app.RatingRefusals.ToDictionary();
foreach (var (refusal, count) in results.RatingRefusals)
{
    Console.Error.WriteLine($"bench: {count} ratings refused: {refusal}");
}

results.DurationSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

await ReportFiles.WriteAsync(results, options.OutputDirectory, options.NotesFile);

Console.WriteLine();
foreach (var row in results.Figures)
{
    Console.WriteLine($"{row.Scenario,-15} {row.Figure,-70} {row.Value,12:F1} {row.Unit,-9} {(row.Ratio is { } r ? $"ratio {r:F2}" : ""),-12} {row.Target,-20} {row.Met switch { true => "met", false => "NOT MET", null => "" }}");
}

var expected = new object?[] { results.Throughput, results.Latency, results.Replay, results.Rebuild, results.Capacity, results.TwoNodes };
var missing = expected.Count(r => r is null);
Console.WriteLine($"bench: {results.Figures.Count} figures, {missing} scenarios without figures, {results.DurationSeconds / 60:F1} min; written to {options.OutputDirectory}");
return missing == 0 && results.Failures.Count == 0 && results.RatingRefusals.Count == 0 ? 0 : 1;
