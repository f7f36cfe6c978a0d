using JasperFx.Events;
using Marten;
using ServiceSharing.Web.Projections;

namespace ServiceSharing.Web.Features.History;

/// <summary>
/// What a history read needs before its entries, read in one round trip: the assessment's stream (null when there is
/// no such assessment) and whether the history read model holds its trail from the first event
/// (<see cref="HistoryFilter.RecordedAsync"/>). A cell's history is a few milliseconds of work, so a round trip is
/// a noticeable part of it.
/// </summary>
public sealed record HistoryStart(StreamState? Stream, bool Recorded)
{
    public static async Task<HistoryStart> ReadAsync(IQuerySession session, Guid assessmentId, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchStreamState(assessmentId);
        var recorded = batch.Query<HistoryRecord>().Any(HistoryFilter.FirstRecordOf(assessmentId));
        await batch.Execute(cancellation);
        return new HistoryStart(await stream, await recorded);
    }
}
