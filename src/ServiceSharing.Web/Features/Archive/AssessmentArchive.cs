using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Audit;
using ServiceSharing.Web.Persistence.Chain;

namespace ServiceSharing.Web.Features.Archive;

/// <summary>An assessment's whole record as an archive: the manifest, then every chained event of the assessment,
/// its sessions and calibration rounds in chain order, exactly as the database holds them.</summary>
public sealed record AssessmentArchive(ArchiveManifest Manifest, IReadOnlyList<ArchiveEvent> Events)
{
    public static async Task<AssessmentArchive?> ReadAsync(IQuerySession session, Guid assessmentId, DateTimeOffset exportedAt, CancellationToken token)
    {
        if (await session.LoadAsync<Assessment>(assessmentId, token) is not { } assessment)
        {
            return null;
        }

        var records = await ChainRecords.ReadAsync(session, assessmentId, token);
        var kinds = await ChainStreams.OfAsync(session, assessmentId, token);
        // A link whose event row is gone has nothing to archive: the archive is then one line short, and says so.
        var events = records.Where(r => r.Event is not null)
            .Select(r => r.Event! with { StreamKind = kinds.GetValueOrDefault(r.Event.Stream, "unknown") })
            .ToList();

        var streams = new List<ArchiveStream>();
        foreach (var e in events)
        {
            var at = streams.FindIndex(s => s.Id == e.Stream);
            if (at < 0)
            {
                streams.Add(new ArchiveStream(e.Stream, e.StreamKind, e.Version));
            }
            else
            {
                streams[at] = streams[at] with { Version = e.Version };
            }
        }

        var last = records.Count > 0 ? records[^1] : null;
        var head = new ArchiveHead(last?.Position ?? 0, last?.Hash ?? AuditChain.Genesis, events.Count > 0 ? events[^1].Time : null,
            streams.FirstOrDefault(s => s.Id == assessmentId)?.Version ?? 0);
        var manifest = new ArchiveManifest(assessmentId, assessment.Title, records.Count, streams, head, exportedAt);
        return new AssessmentArchive(manifest, events);
    }

    public async Task WriteAsync(TextWriter writer, CancellationToken token)
    {
        await writer.WriteAsync(ArchiveFormat.Render(Manifest).AsMemory(), token);
        await writer.WriteAsync("\n".AsMemory(), token);
        foreach (var e in Events)
        {
            await writer.WriteAsync(ArchiveFormat.Render(e).AsMemory(), token);
            await writer.WriteAsync("\n".AsMemory(), token);
        }

        await writer.FlushAsync(token);
    }
}
