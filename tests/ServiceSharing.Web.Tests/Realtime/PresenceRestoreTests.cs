using Npgsql;
using ServiceSharing.Web.Realtime;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

/// <summary>
/// The heartbeat's restore (<see cref="PresenceLedger.RestoreAsync"/>): it puts back the rows a sweep took and
/// reconciles only their sessions. A restore that finds every row in place (a beat can call it for joins whose rows
/// are still on their way) must cost nothing: one that reconciled every held session locked each of the node's
/// session streams in turn, 5,000 in the benchmark's capacity scenario.
/// </summary>
public sealed class PresenceRestoreTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private PresenceLedger Ledger => App.Services.GetRequiredService<PresenceLedger>();

    [Fact]
    public async Task a_restore_that_finds_every_row_in_place_puts_nothing_back_and_waits_on_no_session()
    {
        await using var workshop = await Workshop.OpenAsync(App);
        await workshop.ConnectAsync(await workshop.AddAsync("Cathy City", "city", "reviewer"));

        // Another writer holds the session's stream: a restore that reconciled Cathy's session would wait for it.
        await using var holder = await OpenAsync();
        await using var lockSession = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"select 1 from {App.Schema}.mt_streams where id = @id for update", holder, lockSession))
        {
            take.Parameters.AddWithValue("id", workshop.SessionId);
            (await take.ExecuteScalarAsync()).ShouldBe(1);
        }

        await Ledger.RestoreAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        await lockSession.RollbackAsync();
    }

    [Fact]
    public async Task a_swept_row_is_put_back_and_its_participant_stays_present()
    {
        await using var workshop = await Workshop.OpenAsync(App);
        var cathy = await workshop.AddAsync("Cathy City", "city", "reviewer");
        await workshop.ConnectAsync(cathy);
        (await RowsOfAsync(workshop.SessionId, cathy.ParticipantId)).ShouldBe(1);

        await using (var connection = await OpenAsync())
        await using (var sweep = new NpgsqlCommand(
                         $"delete from {App.Schema}.{PresenceTables.Connections} where session_id = @session and participant_id = @participant", connection))
        {
            sweep.Parameters.AddWithValue("session", workshop.SessionId);
            sweep.Parameters.AddWithValue("participant", cathy.ParticipantId);
            (await sweep.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await Ledger.RestoreAsync(CancellationToken.None);

        (await RowsOfAsync(workshop.SessionId, cathy.ParticipantId)).ShouldBe(1, "her connection's row is back");
        var session = await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl);
        session["participants"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Cathy City")!["connected"]!.GetValue<bool>()
            .ShouldBeTrue("she never left");
    }

    private async Task<long> RowsOfAsync(Guid sessionId, Guid participantId)
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*) from {App.Schema}.{PresenceTables.Connections} where session_id = @session and participant_id = @participant", connection);
        count.Parameters.AddWithValue("session", sessionId);
        count.Parameters.AddWithValue("participant", participantId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
