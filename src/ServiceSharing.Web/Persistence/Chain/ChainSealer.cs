using JasperFx.Events;
using Marten;
using Marten.Services;
using ServiceSharing.Domain.Audit;

namespace ServiceSharing.Web.Persistence.Chain;

/// <summary>
/// Extends the audit chain inside the transaction that appends the events, so the chain can never lag behind the
/// events. Marten calls it after it has prepared the events (ids, timestamps, metadata are final) and before it
/// writes the batch; the links and the head it stores here go in that same batch and commit or roll back with it.
/// The assessment's stream row is locked first (as every writer of an assessment's streams already does), so
/// appends to one assessment's streams extend its chain one transaction after another.
/// </summary>
public sealed class ChainSealer : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var chained = new List<(Guid AssessmentId, StreamAction Stream)>();
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Events.Count > 0 && await ChainMembership.AssessmentOfAsync(session, stream, token) is { } assessmentId)
            {
                chained.Add((assessmentId, stream));
            }
        }

        foreach (var assessment in chained.GroupBy(c => c.AssessmentId).OrderBy(g => g.Key))
        {
            await SealAsync(session, assessment.Key, assessment.Select(c => c.Stream).ToList(), token);
        }
    }

    private async Task SealAsync(IDocumentSession session, Guid assessmentId, IReadOnlyList<StreamAction> streams, CancellationToken token)
    {
        await session.BeginTransactionAsync(token);
        // Locks the stream row as FetchForExclusiveWriting does (a no-op when this transaction holds it already);
        // a new assessment has no row yet, and its StartStream's insert is what makes a second one fail.
        var (streamVersion, head) = await LockAndReadHeadAsync(session, assessmentId, token);
        var position = head?.Position ?? 0;
        var previous = head?.Hash ?? AuditChain.Genesis;
        var time = head?.Time ?? default;
        if (head is null && streamVersion > 0)
        {
            // A database from before the chain: its history is chained first, in the order it was committed.
            foreach (var e in await ExistingEventsAsync(session, assessmentId, token))
            {
                var entry = ChainEntries.Of(session.DocumentStore.Options.Serializer(), ++position, e.StreamId, e);
                previous = AuditChain.HashOf(entry, previous);
                time = e.Timestamp;
                session.Store(new AuditLink { Id = e.Id, AssessmentId = assessmentId, Position = position, StreamId = e.StreamId, Hash = previous });
            }
        }

        foreach (var stream in streams)
        {
            foreach (var e in stream.Events)
            {
                var entry = ChainEntries.Of(session.DocumentStore.Options.Serializer(), ++position, stream.Id, e);
                previous = AuditChain.HashOf(entry, previous);
                time = ChainTime.AsStored(e.Timestamp);
                session.Store(new AuditLink { Id = e.Id, AssessmentId = assessmentId, Position = position, StreamId = stream.Id, Hash = previous });
            }
        }

        var appendedToAssessment = streams.Where(s => s.Id == assessmentId).Sum(s => s.Events.Count);
        session.Store(new AuditHead
        {
            Id = assessmentId,
            Position = position,
            Hash = previous,
            Time = time,
            AssessmentVersion = (streamVersion ?? 0) + appendedToAssessment
        });
    }

    /// <summary>The stream row's lock and the chain's head in one round trip: two statements of one batch, run in
    /// order, each with its own snapshot (read committed), so the head read is the one the previous holder of the lock
    /// committed even when this one had to wait for it. The version is null when the stream has no row yet.</summary>
    private static async Task<(long? StreamVersion, AuditHead? Head)> LockAndReadHeadAsync(IDocumentSession session, Guid assessmentId, CancellationToken token)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var batch = session.CreateBatchQuery();
        // Text: a batch's raw query returns reference types only.
        var versions = batch.Query<string>($"select version::text from {schema}.mt_streams where id = ? for update", assessmentId);
        var head = batch.Load<AuditHead>(assessmentId);
        await batch.Execute(token);
        var locked = await versions;
        return (locked.Count > 0 ? long.Parse(locked[0], System.Globalization.CultureInfo.InvariantCulture) : null, await head);
    }

    private static async Task<IReadOnlyList<IEvent>> ExistingEventsAsync(IQuerySession session, Guid assessmentId, CancellationToken token)
    {
        var streamIds = (await ChainStreams.OfAsync(session, assessmentId, token)).Keys.ToArray();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(streamIds))
            .OrderBy(e => e.Sequence)
            .ToListAsync(token);
    }
}
