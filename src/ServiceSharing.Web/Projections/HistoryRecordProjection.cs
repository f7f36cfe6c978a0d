using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Audit;
using ServiceSharing.Web.Features.History;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// Writes one <see cref="HistoryRecord"/> per event of an assessment's stream, inline with the events (and again, with
/// the same ids, when the daemon rebuilds it). Each entry is described exactly as <see cref="AuditTrail"/> describes it
/// when it folds the stream, from the state just before the commit's first event; time and actor come from the event.
/// </summary>
public sealed class HistoryRecordProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.Where(e => e.Data is IAssessmentEvent).GroupBy(e => e.StreamId))
        {
            var ordered = stream.OrderBy(e => e.Version).ToList();
            // Every append the app makes knows its versions (all lock the stream or start it): a record is filed by it.
            if (ordered[0].Version <= 0)
            {
                continue;
            }

            var before = await StateBeforeCommit.LoadAsync(operations, stream.Key, ordered[0].Version, cancellation);
            foreach (var (e, entry) in ordered.Zip(AuditTrail.Build(ordered, before)))
            {
                var stored = entry with { At = ChainTime.AsStored(e.Timestamp) };
                operations.Store(new HistoryRecord
                {
                    Id = HistoryRecord.IdOf(stream.Key, e.Version),
                    AssessmentId = stream.Key,
                    Version = e.Version,
                    AreaId = stored.AreaId,
                    Cell = HistoryCells.Of(stored),
                    Snapshot = (e.Data as SnapshotTaken)?.Label,
                    Entry = HistoryJson.Render(stored)
                });
            }
        }
    }
}
