using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>Pure: the compensating events that take back the facilitator's last action. Nothing is deleted.</summary>
public static class UndoDecisions
{
    public const string Rationale = "Undone by the facilitator";

    /// <summary>A reveal put the round's scores on the board; each reviewer's score goes back to what it was
    /// before this round (the latest rating from outside the round, after earlier retractions), or to none.</summary>
    public static RoundOutcome UndoReveal(Round round, IEnumerable<IAssessmentEvent> assessmentHistory)
    {
        var outside = new Dictionary<(Factor, Guid), int?>();
        foreach (var e in assessmentHistory)
        {
            switch (e)
            {
                case FactorRated r when r.AreaId == round.AreaId && r.RoundId != round.Id:
                    outside[(r.Factor, r.ReviewerId)] = r.Score;
                    break;
                case RatingRetracted r when r.AreaId == round.AreaId && r.RoundId != round.Id:
                    outside[(r.Factor, r.ReviewerId)] = r.RestoredScore;
                    break;
            }
        }

        var retractions = round.Scores
            .Select(s => (IAssessmentEvent)new RatingRetracted(round.AreaId, s.Factor, s.ReviewerId, s.Org, round.Id,
                outside.GetValueOrDefault((s.Factor, s.ReviewerId))))
            .ToList();
        return new RoundOutcome([new RoundRevealUndone(round.Id)], retractions);
    }

    /// <summary>A verdict recorded in the session gives way to the area's verdict just before it, or to none.</summary>
    public static RoundOutcome UndoVerdict(Guid areaId, long verdictVersion, FunctionalArea? areaBefore) =>
        new([new SessionVerdictUndone(areaId, verdictVersion)],
        [
            areaBefore?.Verdict is { } previous
                ? new VerdictRecorded(areaId, previous, areaBefore.NextSteps, Rationale)
                : new VerdictWithdrawn(areaId, Rationale)
        ]);
}
