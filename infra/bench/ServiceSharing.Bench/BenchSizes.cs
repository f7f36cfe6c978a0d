namespace ServiceSharing.Bench;

/// <summary>
/// How much each scenario does. Every loop is bounded by a count and a time, so a slow machine ends later but
/// always ends. Full is what docs/performance.md quotes; quick only proves every scenario still produces figures.
/// </summary>
public sealed record BenchSizes(
    string Mode,
    int Repeats,
    TimeSpan WarmUp,
    TimeSpan ThroughputRun,
    int ThroughputWriters,
    TimeSpan LatencyRun,
    int LatencyReviewers,
    int LatencyObservers,
    IReadOnlyList<int> ReplayHistories,
    int ReplayQueryRepeats,
    int DiffDistance,
    int RebuildEvents,
    int RebuildRepeats,
    int CapacityClients,
    int CapacitySessions,
    TimeSpan CapacityIdle,
    int SeedBatch,
    int KillRepeats,
    TimeSpan KillWait)
{
    /// <summary>Upper bound of requests per writer and run, whatever the time bound says.</summary>
    public const int MaxRequestsPerWriter = 100_000;

    public static readonly BenchSizes Full = new(
        Mode: "full",
        Repeats: 3,
        WarmUp: TimeSpan.FromSeconds(3),
        ThroughputRun: TimeSpan.FromSeconds(10),
        ThroughputWriters: 8,
        LatencyRun: TimeSpan.FromSeconds(12),
        LatencyReviewers: 30,
        LatencyObservers: 200,
        ReplayHistories: [1_000, 10_000, 100_000],
        ReplayQueryRepeats: 7,
        DiffDistance: 50_000,
        RebuildEvents: 1_000_000,
        RebuildRepeats: 3,
        CapacityClients: 5_000,
        CapacitySessions: 50,
        CapacityIdle: TimeSpan.FromSeconds(10),
        SeedBatch: 1_000,
        KillRepeats: 3,
        KillWait: TimeSpan.FromSeconds(30));

    public static readonly BenchSizes Quick = new(
        Mode: "quick",
        Repeats: 1,
        WarmUp: TimeSpan.FromSeconds(1),
        ThroughputRun: TimeSpan.FromSeconds(2),
        ThroughputWriters: 8,
        LatencyRun: TimeSpan.FromSeconds(3),
        LatencyReviewers: 30,
        LatencyObservers: 40,
        ReplayHistories: [200, 1_000, 5_000],
        ReplayQueryRepeats: 3,
        DiffDistance: 2_500,
        RebuildEvents: 20_000,
        RebuildRepeats: 1,
        CapacityClients: 100,
        CapacitySessions: 10,
        CapacityIdle: TimeSpan.FromSeconds(2),
        SeedBatch: 500,
        KillRepeats: 1,
        KillWait: TimeSpan.FromSeconds(20));
}
