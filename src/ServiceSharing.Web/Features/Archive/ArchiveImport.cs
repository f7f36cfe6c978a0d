using System.Text;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Audit;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Persistence.Chain;

namespace ServiceSharing.Web.Features.Archive;

/// <summary>What an import did: imported (or found already there), refused at a line, or in conflict with the
/// history the instance holds for that assessment.</summary>
public sealed record ImportOutcome(ImportResult Result, Guid AssessmentId, ArchiveHead? Head, long Imported, int? BadLine, string? Reason)
{
    public static ImportOutcome Refused(int line, string reason) => new(ImportResult.Refused, Guid.Empty, null, 0, line, reason);

    public static ImportOutcome Conflict(Guid assessmentId, string reason) => new(ImportResult.Conflict, assessmentId, null, 0, null, reason);
}

public enum ImportResult
{
    Imported,
    AlreadyPresent,
    Refused,
    Conflict
}

/// <summary>
/// Puts an archive's events back as events: same streams, ids, versions, times, actors, correlation and headers,
/// appended in chain order so the inline projections rebuild the board, history, replay checkpoints and sessions,
/// and the chain sealer, hashing the same content in the same order, reaches the same head. Everything happens in
/// one transaction: the head reached is compared with the archive's before commit, or nothing stays. An instance
/// that already holds this history (or a beginning of it) keeps it and receives only what it lacks.
/// </summary>
public sealed class ArchiveImport(IDocumentStore store)
{
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<string> lines, CancellationToken token)
    {
        var verdict = ArchiveVerification.Verify(lines);
        if (!verdict.IsIntact)
        {
            return ImportOutcome.Refused(verdict.BadLine!.Value, verdict.Reason!);
        }

        var manifest = verdict.Manifest!;
        var decoded = new List<(ArchiveEvent Archived, object Data)>();
        foreach (var archived in verdict.Events)
        {
            if (Decode(archived) is not { } data)
            {
                return ImportOutcome.Refused((int)archived.Position + 1,
                    $"entry {archived.Position}: '{archived.Type}' is not an event of a {archived.StreamKind} this instance can hold as archived");
            }

            decoded.Add((archived, data));
        }

        // The store's own connection (its pool and connection defaults), held here to share one transaction with the session.
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(token);
        await using var transaction = await connection.BeginTransactionAsync(token);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));

        var schema = store.Options.Events.DatabaseSchemaName;
        var existing = await session.QueryAsync<long>($"select version from {schema}.mt_streams where id = ? for update", token, manifest.AssessmentId);
        var head = await session.LoadAsync<AuditHead>(manifest.AssessmentId, token);
        var already = head?.Position ?? 0;
        if (head is null && existing.Count > 0
            || already > decoded.Count
            || head is not null && already > 0 && decoded[(int)already - 1].Archived.Hash != head.Hash)
        {
            return ImportOutcome.Conflict(manifest.AssessmentId, $"This instance holds another history of assessment {manifest.AssessmentId} (its head: {already} {head?.Hash}).");
        }

        if (already == decoded.Count)
        {
            return new ImportOutcome(ImportResult.AlreadyPresent, manifest.AssessmentId, manifest.Head, 0, null, null);
        }

        try
        {
            // One save per run of events on one stream: the sealer chains a save's streams one after another, so
            // saving runs in archive order gives the archive's interleaving of streams back exactly.
            foreach (var run in Runs(decoded.Skip((int)already)))
            {
                Append(session, run);
                await session.SaveChangesAsync(token);
            }
        }
        catch (Exception e) when (e is MartenException or NpgsqlException or JasperFx.ConcurrencyException)
        {
            return ImportOutcome.Conflict(manifest.AssessmentId, $"The archive's events do not fit this instance: {e.Message}");
        }

        var reached = await session.LoadAsync<AuditHead>(manifest.AssessmentId, token);
        if (reached is null || reached.Hash != manifest.Head.Hash || reached.Position != manifest.Head.Version)
        {
            return ImportOutcome.Conflict(manifest.AssessmentId, $"Importing reached head {reached?.Position} {reached?.Hash}, not the archive's; nothing was kept.");
        }

        await transaction.CommitAsync(token);
        return new ImportOutcome(ImportResult.Imported, manifest.AssessmentId, manifest.Head, decoded.Count - already, null, null);
    }

    private static IEnumerable<List<(ArchiveEvent Archived, object Data)>> Runs(IEnumerable<(ArchiveEvent Archived, object Data)> events)
    {
        var run = new List<(ArchiveEvent Archived, object Data)>();
        foreach (var e in events)
        {
            if (run.Count > 0 && run[0].Archived.Stream != e.Archived.Stream)
            {
                yield return run;
                run = [];
            }

            run.Add(e);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void Append(IDocumentSession session, List<(ArchiveEvent Archived, object Data)> run)
    {
        var first = run[0].Archived;
        var events = run.Select(e => (object)Restore(session, e.Archived, e.Data)).ToArray();
        var after = run[^1].Archived.Version;
        if (first.Version > 1)
        {
            session.Events.Append(first.Stream, after, events);
            return;
        }

        switch (first.StreamKind)
        {
            case ChainStreams.Assessment:
                session.Events.StartStream<Assessment>(first.Stream, events);
                break;
            case ChainStreams.Session:
                session.Events.StartStream<ReviewSession>(first.Stream, events);
                break;
            default:
                session.Events.StartStream<CalibrationRound>(first.Stream, events);
                break;
        }
    }

    /// <summary>The event with its archived identity and metadata, so the row written is the row exported.</summary>
    private static IEvent Restore(IDocumentSession session, ArchiveEvent archived, object data)
    {
        var e = session.Events.BuildEvent(data);
        e.Id = archived.Id;
        e.Timestamp = archived.Time;
        e.UserName = archived.Actor;
        e.CorrelationId = archived.Correlation;
        e.CausationId = archived.Causation;
        if (archived.Headers is { } headers)
        {
            using var document = System.Text.Json.JsonDocument.Parse(headers);
            foreach (var header in document.RootElement.EnumerateObject())
            {
                e.SetHeader(header.Name, header.Value.Clone());
            }
        }

        return e;
    }

    /// <summary>The event as this app's type, if its type belongs to the stream kind it is filed under and its
    /// data survives the trip through that type unchanged (otherwise the chain could not be reproduced).</summary>
    private object? Decode(ArchiveEvent archived)
    {
        if (!EventTypes.Value.TryGetValue(archived.Type, out var known) || known.Kind != archived.StreamKind)
        {
            return null;
        }

        var serializer = store.Options.Serializer();
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(archived.Data));
        var data = serializer.FromJson(known.Type, json);
        return CanonicalJson.Normalize(serializer.ToJson(data)) == archived.Data ? data : null;
    }

    private Lazy<Dictionary<string, (Type Type, string Kind)>> EventTypes => _eventTypes ??= new(() =>
        typeof(IAssessmentEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Select(t => (Type: t, Kind: KindOf(t)))
            .Where(t => t.Kind is not null)
            .ToDictionary(t => ((Marten.Events.EventGraph)store.Options.Events).EventMappingFor(t.Type).EventTypeName, t => (t.Type, t.Kind!)));

    private Lazy<Dictionary<string, (Type Type, string Kind)>>? _eventTypes;

    private static string? KindOf(Type type) =>
        typeof(IAssessmentEvent).IsAssignableFrom(type) ? ChainStreams.Assessment
        : typeof(ISessionEvent).IsAssignableFrom(type) ? ChainStreams.Session
        : typeof(ICalibrationEvent).IsAssignableFrom(type) ? ChainStreams.Calibration
        : null;
}
