using System.Globalization;
using System.Text;
using ServiceSharing.Bench.Measure;

namespace ServiceSharing.Bench.Report;

/// <summary>
/// docs/performance.md: the generated figures first (table, machine, pictures, raw results), then the hand-written
/// notes (how to run, what changed and why, what bounds the unmet targets), kept in a file of their own so a re-run
/// on another machine replaces the figures and keeps the reasoning.
/// </summary>
public static class MarkdownReport
{
    public static string Render(BenchResults results, string assetsLink, string? notes)
    {
        var md = new StringBuilder();
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine($"Measured by `infra/bench.sh{(results.Mode == "quick" ? " --quick" : "")}` ({results.Mode} mode) on " +
                      $"{results.StartedAt:yyyy-MM-dd HH:mm} UTC in {results.DurationSeconds / 60:F1} minutes. Each figure is the median of " +
                      "the repeated runs in results.json; baselines ran against the same PostgreSQL in the same run, interleaved with the figures " +
                      "they are compared to. Load average when the run started: " + results.Machine.LoadAverageAtStart + ".");
        if (results.Context is { } context)
        {
            md.AppendLine();
            md.AppendLine($"**Conditions:** {context}");
        }

        md.AppendLine();
        md.AppendLine("| Scenario | Figure | Measured | Baseline (same run) | Ratio | Target | Met? |");
        md.AppendLine("| --- | --- | ---: | --- | ---: | --- | :---: |");
        foreach (var row in results.Figures)
        {
            var baseline = row.Baseline is { } b ? $"{Number(b)} ({row.BaselineWhat})" : "-";
            var ratio = row.Ratio is { } r ? r.ToString(r < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) : "-";
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            md.AppendLine($"| {row.Scenario} | {row.Figure} | {Number(row.Value)} {row.Unit} | {baseline} | {ratio} | {row.Target} | {met} |");
        }

        if (results.Failures.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("**Scenarios that failed in this run:**");
            foreach (var failure in results.Failures)
            {
                md.AppendLine($"- {failure}");
            }
        }

        if (results.RatingRefusals.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("**Ratings refused in this run** (none may be: every rating is sent without expectedVersion):");
            foreach (var (refusal, count) in results.RatingRefusals)
            {
                md.AppendLine($"- {count} x `{refusal.ReplaceLineEndings(" ")}`");
            }
        }

        md.AppendLine();
        md.AppendLine("Replay ratios are time over time (lower is better); throughput and rebuild ratios are rate over rate (higher is better); " +
                      "two-node ratios are the two-node figure over the same figure on one node.");
        md.AppendLine();
        AppendDetails(md, results);
        AppendKills(md, results);
        AppendMachine(md, results.Machine);
        md.AppendLine("## Pictures and raw results");
        md.AppendLine();
        md.AppendLine($"![Latency distributions]({assetsLink}/latency.png)");
        md.AppendLine();
        md.AppendLine($"![Replay time against history length]({assetsLink}/replay.png)");
        md.AppendLine();
        md.AppendLine($"Every run, sample count and percentile curve: [{assetsLink}/results.json]({assetsLink}/results.json).");
        md.AppendLine();
        if (notes is not null)
        {
            md.AppendLine(notes.Trim());
            md.AppendLine();
        }

        return md.ToString();
    }

    private static void AppendDetails(StringBuilder md, BenchResults results)
    {
        md.AppendLine("## Where the cores went");
        md.AppendLine();
        md.AppendLine("Average cores busy during each measured run (2.0 = the whole machine): the app, PostgreSQL, and the load generator.");
        md.AppendLine();
        md.AppendLine("| Run | App | PostgreSQL | Load generator | Refused / failed |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        if (results.Throughput is { } t)
        {
            foreach (var (run, i) in t.OneAssessment.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 1 one board, run {i + 1} | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Failed} |");
            }

            foreach (var (run, i) in t.SeparateAssessments.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 1 separate boards, run {i + 1} | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Failed} |");
            }

            foreach (var (run, i) in t.ManyOnOneAssessment.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 1 {t.ManyWriters} on one board, run {i + 1} | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Failed} |");
            }
        }

        foreach (var l in new[] { results.LatencyQuiet, results.Latency }.OfType<LatencyResults>())
        {
            foreach (var (run, i) in l.Runs.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 2 live at {l.TargetRate:F0}/s, run {i + 1} ({run.Delivered:N0} of {run.ExpectedDeliveries:N0} pushes matched) | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Sent - run.Succeeded} |");
            }
        }

        if (results.Capacity is { } c)
        {
            md.AppendLine($"| 5 idle with {c.Clients:N0} clients | {c.IdleConnectedCpu.App:F2} | {c.IdleConnectedCpu.Postgres:F2} | {c.IdleConnectedCpu.Bench:F2} | - |");
            foreach (var (run, i) in c.LatencyWhileConnected.Runs.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 5 live with {c.Clients:N0} clients, run {i + 1} | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Sent - run.Succeeded} |");
            }
        }

        if (results.TwoNodes is { } n)
        {
            foreach (var (run, i) in n.OneAssessment.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 6 one board on two nodes, run {i + 1} (app = both nodes) | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Failed} |");
            }

            foreach (var (run, i) in n.BothNodesWriting.Select((r, i) => (r, i)))
            {
                md.AppendLine($"| 6 one board written by both nodes (past the proxy), run {i + 1} (app = both nodes) | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Failed} |");
            }

            foreach (var l in new[] { n.LatencyQuiet, n.Latency }.OfType<LatencyResults>())
            {
                foreach (var (run, i) in l.Runs.Select((r, i) => (r, i)))
                {
                    md.AppendLine($"| 6 live on two nodes at {l.TargetRate:F0}/s, run {i + 1} ({run.Delivered:N0} of {run.ExpectedDeliveries:N0} pushes matched) | {run.Cpu.App:F2} | {run.Cpu.Postgres:F2} | {run.Cpu.Bench:F2} | {run.Sent - run.Succeeded} |");
                }
            }
        }

        md.AppendLine();
    }

    private static void AppendKills(StringBuilder md, BenchResults results)
    {
        if (results.TwoNodes is not { Kills.Count: > 0 } n)
        {
            return;
        }

        md.AppendLine("## A node killed (scenario 6)");
        md.AppendLine();
        md.AppendLine("Milliseconds from the SIGKILL to each screen of the killed node being connected again (through the proxy, to the other node) " +
                      "and to its first push after the kill, while ratings went on through the other node.");
        md.AppendLine();
        md.AppendLine("| Kill | Screens | Reconnected: median / max | Pushes again: median / max | Without a push | Not on the killed node | Ratings/s meanwhile |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (kill, i) in n.Kills.Select((k, i) => (k, i)))
        {
            md.AppendLine($"| {i + 1} | {kill.Screens} | {Number(Stats.Median(kill.ReconnectedMs))} / {Number(Max(kill.ReconnectedMs))} | " +
                          $"{Number(Stats.Median(kill.PushesAgainMs))} / {Number(Max(kill.PushesAgainMs))} | {kill.Screens - kill.PushesAgainMs.Count - kill.NotOnKilledNode} | {kill.NotOnKilledNode} | {Number(kill.RatingsPerSecond)} |");
        }

        md.AppendLine();
    }

    private static double Max(IReadOnlyList<double> values) => values.Count > 0 ? values.Max() : double.NaN;

    private static void AppendMachine(StringBuilder md, MachineReport m)
    {
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine($"- {m.Cores} cores ({m.Cpu}), {m.MemoryGiB} GiB memory; {m.Os}, Linux {m.Kernel}");
        md.AppendLine($"- {m.DotNet}; PostgreSQL {m.PostgreSql}; {m.PgBench}");
        md.AppendLine($"- {string.Join(", ", m.Packages.Select(p => $"{p.Key} {p.Value}"))}");
        md.AppendLine("- App, PostgreSQL and the load generator share the machine; load comes over loopback from a separate process.");
        md.AppendLine();
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString(Math.Abs(value) >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
