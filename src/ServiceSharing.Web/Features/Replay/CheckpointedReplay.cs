using JasperFx.Events;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Projections;

namespace ServiceSharing.Web.Features.Replay;

/// <summary>
/// An assessment's state at a version or a moment: the nearest checkpoint at or before it, then the events after
/// it folded with the domain's Evolve. Without any checkpoint it is the fold from the first event, so the answer is
/// the same either way; checkpoints only bound how many events are read.
/// </summary>
public static class CheckpointedReplay
{
    /// <summary>The state at <paramref name="version"/> (an empty state at version 0).</summary>
    public static async Task<Assessment> StateAtAsync(IQuerySession session, Guid assessmentId, long version, CancellationToken cancellation)
    {
        var checkpoint = version <= 0
            ? null
            : await session.Query<AssessmentCheckpoint>()
                .Where(c => c.AssessmentId == assessmentId && c.Version <= version)
                .OrderByDescending(c => c.Version)
                .FirstOrDefaultAsync(cancellation);
        var state = checkpoint?.State ?? new Assessment();
        var from = checkpoint?.Version ?? 0;
        if (version > from)
        {
            Fold(state, await session.Events.FetchStreamAsync(assessmentId, version, fromVersion: from + 1, token: cancellation));
        }

        return state;
    }

    /// <summary>
    /// The state made of the events stamped at or before <paramref name="asOf"/>, or null when there were none yet.
    /// An assessment's events are stamped in version order (each append holds the stream's lock while it is stamped),
    /// so those events are a prefix of the stream and the checkpoint at or before the moment is part of it.
    /// </summary>
    public static async Task<Assessment?> StateAsOfAsync(IQuerySession session, Guid assessmentId, DateTimeOffset asOf, CancellationToken cancellation)
    {
        var checkpoint = await session.Query<AssessmentCheckpoint>()
            .Where(c => c.AssessmentId == assessmentId && c.At <= asOf)
            .OrderByDescending(c => c.Version)
            .FirstOrDefaultAsync(cancellation);
        // The first checkpoint after the moment bounds the events to read: without it the query would walk every
        // later event of the stream to find that none is stamped early enough.
        var after = await session.Query<AssessmentCheckpoint>()
            .Where(c => c.AssessmentId == assessmentId && c.At > asOf)
            .OrderBy(c => c.Version)
            .Select(c => c.Version)
            .FirstOrDefaultAsync(cancellation);
        var events = await session.Events.FetchStreamAsync(assessmentId, after > 0 ? after - 1 : 0, asOf,
            fromVersion: (checkpoint?.Version ?? 0) + 1, token: cancellation);
        if (checkpoint is null && events.Count == 0)
        {
            return null;
        }

        var state = checkpoint?.State ?? new Assessment();
        Fold(state, events);
        return state;
    }

    public static void Fold(Assessment state, IEnumerable<IEvent> events)
    {
        foreach (var e in events)
        {
            Apply(state, e);
        }
    }

    /// <summary>One event into the state, with the version Marten's own aggregation would give it.</summary>
    public static void Apply(Assessment state, IEvent e)
    {
        if (e.Data is IAssessmentEvent data)
        {
            state.Evolve(data);
        }

        state.Version = e.Version;
    }
}
