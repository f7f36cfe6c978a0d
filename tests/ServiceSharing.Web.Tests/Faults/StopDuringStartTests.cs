using Npgsql;
using ServiceSharing.Web.Seed;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Faults;

/// <summary>
/// A stop asked for while the app is still starting (systemd's or docker's SIGTERM, a second instance given up on)
/// ends the start, and the process exits 0 as a stop after the start does, instead of dying on the start's cancellation.
/// </summary>
public sealed class StopDuringStartTests
{
    [Fact]
    public async Task a_sigterm_while_the_start_waits_on_the_database_exits_cleanly()
    {
        var token = TestContext.Current.CancellationToken;
        var schema = TestDatabase.NewSchema("stopstart");
        // The schema from a start that completes (without the study); then the study's stream row inserted by a
        // transaction that stays open, as a second instance loading the study at the same moment would leave it. The
        // next start, loading the study, waits on that row in its hosted services' start.
        await (await AppProcess.StartAsync(schema, FreePort.Next())).DisposeAsync();
        await using var holder = new NpgsqlConnection(TestDatabase.ConnectionString);
        await holder.OpenAsync(token);
        await using var holding = await holder.BeginTransactionAsync(token);
        await using (var insertStream = new NpgsqlCommand($"insert into {schema}.mt_streams (id, type, version) values (@id, 'assessment', 0)", holder, holding))
        {
            insertStream.Parameters.AddWithValue("id", MilwaukeeStudy.AssessmentId);
            await insertStream.ExecuteNonQueryAsync(token);
        }

        await using var app = AppProcess.Launch(schema, FreePort.Next(), new Dictionary<string, string> { ["ServiceSharing__SeedStudy"] = "true" });
        await WaitUntilBlockedByAsync(holder.ProcessID, token);

        var exitCode = await app.TerminateAsync(TimeSpan.FromSeconds(30));

        exitCode.ShouldBe(0, string.Join(Environment.NewLine, app.LogLines()));
        app.LogLines().ShouldNotContain(line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    /// <summary>Until a session waits on a lock the holder holds: the starting app, loading the study.</summary>
    private static async Task WaitUntilBlockedByAsync(int holderPid, CancellationToken token)
    {
        await using var watcher = new NpgsqlConnection(TestDatabase.ConnectionString);
        await watcher.OpenAsync(token);
        await using var waiting = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where @holder = any(pg_blocking_pids(pid))", watcher);
        waiting.Parameters.AddWithValue("holder", holderPid);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((long)(await waiting.ExecuteScalarAsync(token))! == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the starting app never waited on the held stream row");
            await Task.Delay(100, token);
        }
    }
}
