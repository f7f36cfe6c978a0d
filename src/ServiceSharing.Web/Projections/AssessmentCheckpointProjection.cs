using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Audit;
using ServiceSharing.Web.Features.Replay;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// Writes an <see cref="AssessmentCheckpoint"/> whenever an assessment's stream reaches a multiple of the interval,
/// inline with the events that reach it (and again, with the same ids, when the daemon rebuilds it). The state is the
/// domain's own fold, started from the state before the commit (<see cref="StateBeforeCommit"/>), so a checkpoint is the
/// full fold at its version; the time is the event's, never the clock's. A commit that crosses no multiple costs nothing here.
/// </summary>
public sealed class AssessmentCheckpointProjection(int interval) : IProjection
{
    public int Interval { get; } = interval > 0 ? interval : throw new ArgumentOutOfRangeException(nameof(interval));

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.Where(e => e.Data is IAssessmentEvent).GroupBy(e => e.StreamId))
        {
            var ordered = stream.OrderBy(e => e.Version).ToList();
            // Versions are known for every append the app makes (all lock the stream or start it); were one unknown,
            // skipping its checkpoint only makes replay fold a little further, never wrong.
            if (ordered[0].Version <= 0 || !ordered.Any(e => e.Version % Interval == 0))
            {
                continue;
            }

            var state = await StateBeforeCommit.LoadAsync(operations, stream.Key, ordered[0].Version, cancellation);
            foreach (var e in ordered)
            {
                CheckpointedReplay.Apply(state, e);
                if (e.Version % Interval == 0)
                {
                    operations.Store(new AssessmentCheckpoint
                    {
                        Id = AssessmentCheckpoint.IdOf(stream.Key, e.Version),
                        AssessmentId = stream.Key,
                        Version = e.Version,
                        // The event's time as stored, so "asOf" compares the checkpoint exactly as it compares the event.
                        At = ChainTime.AsStored(e.Timestamp),
                        // Stored documents are serialized when the session commits: the fold goes on in a copy.
                        State = state
                    });
                    state = state.Copy();
                }
            }
        }
    }
}
