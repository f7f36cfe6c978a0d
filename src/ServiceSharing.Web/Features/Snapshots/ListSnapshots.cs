using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.History;
using ServiceSharing.Web.Projections;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Snapshots;

public static class ListSnapshotsEndpoint
{
    [WolverineGet("/api/assessments/{id}/snapshots")]
    [ProducesResponseType<IReadOnlyList<SnapshotView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.Events.FetchStreamStateAsync(id, cancellation) is null)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        return Results.Ok(await SnapshotQueries.ListAsync(session, id, cancellation));
    }
}

/// <summary>Snapshots are SnapshotTaken events: their stream version and time are the point they name.</summary>
public static class SnapshotQueries
{
    public static async Task<IReadOnlyList<SnapshotView>> ListAsync(IQuerySession session, Guid assessmentId, CancellationToken cancellation)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == assessmentId && e.EventTypesAre(typeof(SnapshotTaken)))
            .OrderBy(e => e.Version)
            .ToListAsync(cancellation);
        return events.Select(e => new SnapshotView(((SnapshotTaken)e.Data).Label, e.Version, e.Timestamp)).ToList();
    }

    /// <summary>The snapshot named <paramref name="label"/>. The history read model files each snapshot under its
    /// label, so this is an index read; a label it does not hold may still be in events recorded before it kept labels,
    /// so only then are the stream's events searched.</summary>
    public static async Task<SnapshotView?> FindAsync(IQuerySession session, Guid assessmentId, string label, CancellationToken cancellation)
    {
        var recorded = await session.Query<HistoryRecord>()
            .Where(r => r.AssessmentId == assessmentId && r.Snapshot == label)
            .OrderBy(r => r.Version)
            .FirstOrDefaultAsync(cancellation);
        return recorded is not null
            ? new SnapshotView(label, recorded.Version, HistoryJson.Read(recorded.Entry).At)
            : (await ListAsync(session, assessmentId, cancellation)).FirstOrDefault(s => s.Label == label);
    }
}
