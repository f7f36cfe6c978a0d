using ServiceSharing.Bench.Measure;

namespace ServiceSharing.Bench.Report;

/// <summary>One line of the table in docs/performance.md. Ratio is Value / Baseline; Met is null when the
/// scenario has no target for this line.</summary>
public sealed record FigureRow(
    string Scenario, string Figure, double Value, string Unit, double? Baseline, string? BaselineWhat, double? Ratio, string Target, bool? Met);

/// <summary>Everything one run measured; written as results.json next to the report.</summary>
public sealed class BenchResults
{
    public required string Mode { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public double DurationSeconds { get; set; }
    public required MachineReport Machine { get; init; }

    /// <summary>BENCH_CONTEXT of the run: the conditions, in the words of whoever ran it.</summary>
    public string? Context { get; set; } = Environment.GetEnvironmentVariable("BENCH_CONTEXT") is { Length: > 0 } given ? given : null;
    public List<FigureRow> Figures { get; init; } = [];
    public List<string> Failures { get; init; } = [];

    /// <summary>Refused ratings by status and problem: a rater without expectedVersion must never be refused.</summary>
    public Dictionary<string, int> RatingRefusals { get; set; } = [];
    public ThroughputResults? Throughput { get; set; }
    /// <summary>Scenario 2 at the busy workshop's rate (issue 12: 100 ratings/s); capacity and two nodes repeat this one.</summary>
    public LatencyResults? Latency { get; set; }

    /// <summary>Scenario 2 at the quiet workshop's rate (issue 12: 10 ratings/s), on the same board and observers.</summary>
    public LatencyResults? LatencyQuiet { get; set; }
    public ReplayResults? Replay { get; set; }
    public RebuildResults? Rebuild { get; set; }
    public CapacityResults? Capacity { get; set; }
    public TwoNodeResults? TwoNodes { get; set; }
}

public sealed record LoadRun(double RatingsPerSecond, int Succeeded, int Failed, double Seconds, CpuUse Cpu, LatencySummary RequestLatency);

public sealed record ThroughputResults(
    int Writers,
    double FirstRatingAfterStartMs,
    IReadOnlyList<double> PgBenchTps,
    IReadOnlyList<LoadRun> OneAssessment,
    IReadOnlyList<LoadRun> SeparateAssessments)
{
    public double PgBenchMedian => Stats.Median(PgBenchTps);
    public double OneMedian => Stats.Median(OneAssessment.Select(r => r.RatingsPerSecond));
    public double SeparateMedian => Stats.Median(SeparateAssessments.Select(r => r.RatingsPerSecond));

    /// <summary>The group commit's case: many more reviewers on one board (absent from results measured before it).</summary>
    public int ManyWriters { get; init; }
    public IReadOnlyList<LoadRun> ManyOnOneAssessment { get; init; } = [];
    public double ManyOnOneMedian => Stats.Median(ManyOnOneAssessment.Select(r => r.RatingsPerSecond));
}

/// <summary>Push: rating sent to BoardChanged at each observer. Answer: rating sent to its HTTP answer, the part of a
/// push's time spent before the commit (absent from results measured before it was recorded).</summary>
public sealed record LatencyRun(double TargetRate, double AchievedRate, int Sent, int Succeeded, long Delivered, long ExpectedDeliveries, CpuUse Cpu, LatencySummary Push,
    LatencySummary? Answer = null);

public sealed record LatencyResults(int Reviewers, int Observers, double TargetRate, IReadOnlyList<LatencyRun> Runs)
{
    public double P50 => Stats.Median(Runs.Select(r => r.Push.P50));
    public double P95 => Stats.Median(Runs.Select(r => r.Push.P95));
    public double P99 => Stats.Median(Runs.Select(r => r.Push.P99));
}

/// <summary>One kind of read at one history length: the app's median and the raw SQL baseline's median. Untargeted: a
/// figure shown beside a targeted one (the same read by a client that accepts compression).</summary>
public sealed record ReplayPoint(int History, string Kind, string Path, double MedianMs, IReadOnlyList<double> Runs, long Bytes,
    double BaselineMs, long BaselineRows, bool Untargeted = false);

public sealed record ReplayResults(IReadOnlyList<ReplayPoint> Points, int DiffDistance);

public sealed record RebuildResults(long Events, IReadOnlyList<string> Projections, IReadOnlyList<double> Seconds, IReadOnlyList<double> BaselineSeconds,
    bool BoardsUnchanged)
{
    public double EventsPerSecond => Events / Stats.Median(Seconds);
    public double BaselineEventsPerSecond => Events / Stats.Median(BaselineSeconds);
}

public sealed record CapacityResults(
    int Clients,
    int Sessions,
    double RssBeforeMb,
    double RssConnectedMb,
    double RssPeakMb,
    CpuUse IdleConnectedCpu,
    double ConnectSeconds,
    LatencyResults LatencyWhileConnected);

/// <summary>Scenario 6: scenario 1's one-board load and scenario 2's live load on two nodes behind HAProxy, then SIGKILLs
/// of one node.</summary>
public sealed record TwoNodeResults(int Writers, IReadOnlyList<LoadRun> OneAssessment, LatencyResults Latency, IReadOnlyList<KillRun> Kills)
{
    public double OneMedian => Stats.Median(OneAssessment.Select(r => r.RatingsPerSecond));

    /// <summary>The same load sent half straight to each node, past the proxy, run after each of
    /// <see cref="OneAssessment"/>: both nodes writing the one board, as they did before the proxy sent an assessment's
    /// requests to one node (docs/performance.md, change 25).</summary>
    public IReadOnlyList<LoadRun> BothNodesWriting { get; init; } = [];
    public double BothNodesWritingMedian => Stats.Median(BothNodesWriting.Select(r => r.RatingsPerSecond));

    /// <summary>Scenario 2's quiet workshop (10 ratings/s) on the two nodes, before the busy one in <see cref="Latency"/>;
    /// null in a run with BENCH_LIVE_RATE, which runs one rate only.</summary>
    public LatencyResults? LatencyQuiet { get; init; }

    /// <summary>Every screen of every kill that had a push again, in ms after the kill.</summary>
    public IReadOnlyList<double> PushesAgainMs => Kills.SelectMany(k => k.PushesAgainMs).ToList();
    public int Screens => Kills.Sum(k => k.Screens);
    public int WithoutPush => Kills.Sum(k => k.Screens - k.PushesAgainMs.Count - k.NotOnKilledNode);
    public int NotOnKilledNode => Kills.Sum(k => k.NotOnKilledNode);
}

/// <summary>One SIGKILL of a node with <paramref name="Screens"/> screens on it while ratings went on through the other:
/// for each screen that got back, the ms from the kill to its connection coming back and to its first push after the
/// kill (in no particular pairing).</summary>
public sealed record KillRun(int Screens, double RatingsPerSecond, IReadOnlyList<double> ReconnectedMs, IReadOnlyList<double> PushesAgainMs)
{
    /// <summary>Screens that had pushes after the kill without losing their connection: the proxy had put them on the
    /// other node, so they are left out of the figures, and the run cannot meet its target.</summary>
    public int NotOnKilledNode { get; init; }
}
