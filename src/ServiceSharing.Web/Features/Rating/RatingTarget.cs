using JasperFx.Events;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Features.Rating;

/// <summary>
/// What a rating writes to: the assessment's stream, and the session's when it is given in a round. Both are locked,
/// the assessment first, in the order every session command takes them.
/// </summary>
public sealed record RatingTarget(IEventStream<Assessment> Assessment, IEventStream<ReviewSession>? Session)
{
    public Round? Round(Guid? roundId) => roundId is { } id ? Session?.Aggregate?.FindRound(id) : null;

    public static async Task<RatingTarget> LockAsync(IDocumentSession session, Guid assessmentId, Guid? roundId, CancellationToken cancellation)
    {
        var assessment = await session.Events.FetchForExclusiveWriting<Assessment>(assessmentId, cancellation);
        if (roundId is null || assessment.Aggregate is null)
        {
            return new RatingTarget(assessment, null);
        }

        var holder = await session.Query<ReviewSession>()
            .Where(s => s.AssessmentId == assessmentId && s.Rounds.Any(r => r.Id == roundId))
            .FirstOrDefaultAsync(cancellation);
        return new RatingTarget(assessment,
            holder is null ? null : await session.Events.FetchForExclusiveWriting<ReviewSession>(holder.Id, cancellation));
    }
}
