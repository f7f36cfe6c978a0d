using Marten;
using Npgsql;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.Sessions;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Presence across nodes. Each hub connection's sessions are rows in PostgreSQL, tagged with the node that holds the
/// connection; a node counts as alive while its heartbeat is fresher than <see cref="Expiry"/>. Someone is present in
/// a session while they have a row there on a live node. The session's stream records the changes of that
/// (ParticipantJoined / ParticipantLeft): <see cref="ReconcileAsync"/> compares the two under the stream's lock and
/// appends what differs, so any node may call it any number of times and the record changes once.
/// </summary>
public sealed class PresenceLedger(IDocumentStore store, HubNode node, PresenceTracker tracker, IConfiguration configuration) : IAsyncDisposable
{
    /// <summary>A node that has not beaten for this long is taken for dead, and its people leave their sessions.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(5);

    /// <summary>A leave and a restore of this node's rows never interleave, so a restore never brings back a row
    /// of a connection that has just gone.</summary>
    private readonly SemaphoreSlim _rows = new(1, 1);

    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(
        ConnectionDefaults.Apply(configuration.GetConnectionString(EventStoreSetup.ConnectionName)!));

    private string Schema => store.Options.DatabaseSchemaName;
    private string Nodes => $"{Schema}.{PresenceTables.Nodes}";
    private string Connections => $"{Schema}.{PresenceTables.Connections}";

    /// <summary>The live-row test, with the database's clock: no two nodes' clocks have to agree.</summary>
    private string LiveNode(string alias) =>
        $"exists (select 1 from {Nodes} n where n.node_id = {alias}.node_id and n.seen_at > clock_timestamp() - make_interval(secs => {Expiry.TotalSeconds}))";

    public async Task JoinAsync(string connectionId, Guid sessionId, Actor actor)
    {
        tracker.Join(connectionId, actor, sessionId);
        // The join beats for the node too, so a join that comes before the node's first heartbeat still counts.
        await ExecuteAsync($"""
            insert into {Nodes} (node_id, seen_at) values (@node, clock_timestamp())
                on conflict (node_id) do update set seen_at = excluded.seen_at;
            insert into {Connections} (connection_id, session_id, participant_id, node_id) values (@connection, @session, @participant, @node)
                on conflict do nothing;
            """, ("connection", connectionId), ("session", sessionId), ("participant", actor.Id));
        await ReconcileAsync(sessionId, actor);
    }

    public async Task LeaveAsync(string connectionId, Actor actor)
    {
        tracker.Leave(connectionId);
        var sessions = new List<Guid>();
        await _rows.WaitAsync();
        try
        {
            await using var command = _database.CreateCommand($"delete from {Connections} where connection_id = @connection and node_id = @node returning session_id");
            command.Parameters.AddWithValue("connection", connectionId);
            command.Parameters.AddWithValue("node", node.Id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sessions.Add(reader.GetGuid(0));
            }
        }
        finally
        {
            _rows.Release();
        }

        foreach (var sessionId in sessions)
        {
            await ReconcileAsync(sessionId, actor);
        }
    }

    /// <summary>Beats for this node; returns how many connection rows the table holds for it.</summary>
    public async Task<long> BeatAsync(CancellationToken token)
    {
        await using var command = _database.CreateCommand($"""
            insert into {Nodes} (node_id, seen_at) values (@node, clock_timestamp())
                on conflict (node_id) do update set seen_at = excluded.seen_at;
            select count(*) from {Connections} where node_id = @node;
            """);
        command.Parameters.AddWithValue("node", node.Id);
        return (long)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>
    /// Puts this node's connections back after they were swept (the node was too slow to beat for a while), in one
    /// statement, and reconciles only the sessions whose rows were missing. Reconciling every held session instead
    /// locked each session stream the node serves, one after another (5,000 in the benchmark's capacity scenario),
    /// however few rows were gone; and a beat may also call this for joins the tracker holds but whose rows are still
    /// on their way to the table, when nothing is missing at all (docs/performance.md, change 26).
    /// </summary>
    public async Task RestoreAsync(CancellationToken token)
    {
        var restored = new List<(Guid SessionId, Actor Actor)>();
        await _rows.WaitAsync(token);
        try
        {
            var held = tracker.Snapshot();
            var actors = held.ToDictionary(h => (h.ConnectionId, h.SessionId), h => h.Actor);
            await using var command = _database.CreateCommand($"""
                insert into {Connections} (connection_id, session_id, participant_id, node_id)
                    select held.connection_id, held.session_id, held.participant_id, @node
                    from unnest(@connections, @sessions, @participants) as held(connection_id, session_id, participant_id)
                    on conflict do nothing
                    returning connection_id, session_id;
                """);
            command.Parameters.AddWithValue("node", node.Id);
            command.Parameters.AddWithValue("connections", held.Select(h => h.ConnectionId).ToArray());
            command.Parameters.AddWithValue("sessions", held.Select(h => h.SessionId).ToArray());
            command.Parameters.AddWithValue("participants", held.Select(h => h.Actor.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var (connectionId, sessionId) = (reader.GetString(0), reader.GetGuid(1));
                restored.Add((sessionId, actors[(connectionId, sessionId)]));
            }
        }
        finally
        {
            _rows.Release();
        }

        foreach (var (sessionId, actor) in restored.Distinct())
        {
            token.ThrowIfCancellationRequested();
            await ReconcileAsync(sessionId, actor);
        }
    }

    /// <summary>
    /// The people of dead nodes leave their sessions (unless connected elsewhere), then the dead nodes' rows go.
    /// Leaving is recorded before the rows are deleted, so a node that dies in between leaves nothing half done.
    /// </summary>
    public async Task SweepDeadNodesAsync(CancellationToken token)
    {
        var orphans = new List<(Guid SessionId, Guid ParticipantId)>();
        await using (var command = _database.CreateCommand($"select distinct p.session_id, p.participant_id from {Connections} p where not {LiveNode("p")}"))
        {
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                orphans.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        foreach (var (sessionId, participantId) in orphans)
        {
            await ReconcileAsync(sessionId, participantId);
        }

        await ExecuteAsync($"""
            delete from {Connections} p where not {LiveNode("p")};
            delete from {Nodes} where seen_at <= clock_timestamp() - make_interval(secs => {Expiry.TotalSeconds});
            """);
    }

    /// <summary>Records a join or a leave when the presence rows and the session's record disagree.</summary>
    private async Task ReconcileAsync(Guid sessionId, Actor actor)
    {
        await using var session = store.LightweightSession();
        // The assessment first, then the session, as every writer of these streams locks them (its audit chain is
        // extended under the assessment's lock): two writers never wait on each other in a circle.
        if (await SessionStreams.LockAsync(session, sessionId, CancellationToken.None) is not { Session: { Aggregate: not null } stream })
        {
            return;
        }

        var recorded = stream.Aggregate.FindParticipant(actor.Id)?.Connected == true;
        var present = (await session.QueryAsync<bool>(
            $"select exists (select 1 from {Connections} p where p.session_id = ? and p.participant_id = ? and {LiveNode("p")})",
            sessionId, actor.Id)).Single();
        if (present == recorded)
        {
            return;
        }

        session.Stamp(actor);
        stream.AppendOne(present
            ? new ParticipantJoined(actor.Id, actor.Name, actor.Org, actor.Role)
            : new ParticipantLeft(actor.Id));
        await session.SaveChangesAsync();
    }

    /// <summary>A sweep knows the participant only by id: who they are comes from the session they were in.</summary>
    private async Task ReconcileAsync(Guid sessionId, Guid participantId)
    {
        await using var query = store.QuerySession();
        if ((await query.LoadAsync<ReviewSession>(sessionId))?.FindParticipant(participantId) is { } participant)
        {
            await ReconcileAsync(sessionId, new Actor(participant.Id, participant.Name, participant.Org, participant.Role));
        }
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = _database.CreateCommand(sql);
        command.Parameters.AddWithValue("node", node.Id);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        _rows.Dispose();
    }
}
