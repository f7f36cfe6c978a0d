using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace ServiceSharing.Bench.Baselines;

/// <summary>
/// Scenario 1's baseline: pgbench against the same PostgreSQL, each transaction one single-row INSERT of a row shaped
/// like a rating event (a uuid and a small jsonb), at the same number of concurrent clients as the reviewers.
/// </summary>
public sealed partial class PgBench(string pgbench, string connectionString, string workDirectory)
{
    private const string Table = "bench_baseline.single_row_insert";

    public async Task PrepareAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"create schema if not exists bench_baseline; " +
            $"create table if not exists {Table} (id bigserial primary key, stream_id uuid not null, data jsonb not null, at timestamptz not null default now())",
            connection);
        await command.ExecuteNonQueryAsync();
        await File.WriteAllTextAsync(ScriptPath,
            $"INSERT INTO {Table} (stream_id, data) VALUES (gen_random_uuid(), " +
            "'{\"areaId\":\"5f0c1f4e-3c7a-4d52-9a51-0f2d7f0f8a11\",\"factor\":\"similarity\",\"score\":3,\"rationale\":null," +
            "\"reviewerId\":\"0b8f6a57-58d1-4a55-8d55-3b9a6d8f3e21\",\"reviewerOrg\":\"city\"}'::jsonb);\n");
    }

    private string ScriptPath => Path.Combine(workDirectory, "single-row-insert.sql");

    /// <summary>Transactions per second over one run (connection setup excluded, as pgbench reports it).</summary>
    public async Task<double> RunAsync(int clients, TimeSpan duration)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        foreach (var arg in new[]
                 {
                     "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username ?? "postgres",
                     "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                     "-T", Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", ScriptPath, target.Database!
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await errors;
        var match = Tps().Match(text);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {text}");
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
