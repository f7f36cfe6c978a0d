using System.Text.Json;
using Marten;
using ServiceSharing.Domain.Audit;

namespace ServiceSharing.Web.Persistence.Chain;

/// <summary>
/// An assessment's chain as the database holds it: each link with the event row it points at, read in one statement
/// straight from mt_events (the data as stored, the timestamp as stored), so what is checked or archived is the rows
/// themselves, not what the app would make of them.
/// </summary>
public static class ChainRecords
{
    public static async Task<IReadOnlyList<ChainRecord>> ReadAsync(IQuerySession session, Guid assessmentId, CancellationToken token)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var rows = await session.QueryAsync<string>(
            $"""
             select jsonb_build_object(
               'position', l.position, 'hash', l.data ->> 'Hash', 'found', e.id is not null,
               'stream', e.stream_id, 'version', e.version, 'id', l.id, 'type', e.type, 'data', e.data,
               'time', to_char(e.timestamp at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'actor', e.user_name, 'correlation', e.correlation_id, 'causation', e.causation_id, 'headers', e.headers)::text
             from {schema}.mt_doc_auditlink l left join {schema}.mt_events e on e.id = l.id
             where l.assessment_id = ? order by l.position
             """, token, assessmentId);
        return rows.Select(Parse).ToList();
    }

    private static ChainRecord Parse(string row)
    {
        using var document = JsonDocument.Parse(row);
        var r = document.RootElement;
        var position = r.GetProperty("position").GetInt64();
        var hash = r.GetProperty("hash").GetString()!;
        if (!r.GetProperty("found").GetBoolean())
        {
            return new ChainRecord(position, hash, null);
        }

        var headers = r.GetProperty("headers");
        var e = new ArchiveEvent(
            position,
            r.GetProperty("stream").GetGuid(),
            "",
            r.GetProperty("version").GetInt64(),
            r.GetProperty("id").GetGuid(),
            r.GetProperty("type").GetString()!,
            DateTimeOffset.Parse(r.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            r.GetProperty("actor").GetString(),
            r.GetProperty("correlation").GetString(),
            r.GetProperty("causation").GetString(),
            headers.ValueKind == JsonValueKind.Null || headers.EnumerateObject().Any() is false ? null : CanonicalJson.Normalize(headers),
            CanonicalJson.Normalize(r.GetProperty("data")),
            hash);
        return new ChainRecord(position, hash, e);
    }

    /// <summary>Walks the database's chain; the head it reaches must also be the head the app publishes.</summary>
    public static async Task<ChainVerdict> VerifyAsync(IQuerySession session, Guid assessmentId, CancellationToken token)
    {
        var records = await ReadAsync(session, assessmentId, token);
        var missing = records.FirstOrDefault(r => r.Event is null);
        var walked = AuditChain.Verify(records.TakeWhile(r => r.Event is not null).Select(r => new RecordedEntry(r.Event!.Entry, r.Hash)));
        if (!walked.IsIntact)
        {
            return walked;
        }

        if (missing is not null)
        {
            return ChainVerdict.BrokenAt(missing.Position, $"the event of entry {missing.Position} is no longer in mt_events");
        }

        var head = await session.LoadAsync<AuditHead>(assessmentId, token);
        if (head is null || head.Position != walked.Head!.Position || head.Hash != walked.Head.Hash)
        {
            return ChainVerdict.BrokenAt(walked.Head!.Position + 1,
                $"the published head ({head?.Position} {head?.Hash}) is not where the chain ends ({walked.Head.Position} {walked.Head.Hash})");
        }

        return walked;
    }
}

/// <summary>One link of the chain and its event row (null when the row is gone).</summary>
public sealed record ChainRecord(long Position, string Hash, ArchiveEvent? Event);
