using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>What a round's transition appends: to the session's stream, and to the assessment's (the board).</summary>
public sealed record RoundOutcome(IReadOnlyList<ISessionEvent> SessionEvents, IReadOnlyList<IAssessmentEvent> AssessmentEvents, string? Refusal = null)
{
    public static RoundOutcome Refused(string why) => new([], [], why);
}

/// <summary>Pure decisions of the facilitator's round controls.</summary>
public static class RoundDecisions
{
    public static RoundOutcome Reveal(Round round) => round switch
    {
        { Blind: false } => RoundOutcome.Refused("An open round shows its scores as they come; there is nothing to reveal."),
        { Status: not RoundStatus.Voting } => RoundOutcome.Refused($"The round is {round.Status.ToString().ToLowerInvariant()}; only a round in vote can be revealed."),
        _ => new RoundOutcome([new RoundRevealed(round.Id)], round.Scores.Select(s => (IAssessmentEvent)ToBoard(round, s)).ToList())
    };

    public static RoundOutcome Close(Round round) => round.Status == RoundStatus.Closed
        ? RoundOutcome.Refused("The round is closed already.")
        : new RoundOutcome([new RoundClosed(round.Id)], []);

    public static RoundOutcome Revote(Round round) => round.Status == RoundStatus.Closed
        ? RoundOutcome.Refused("The round is closed; undo the close to vote again.")
        : new RoundOutcome([new RoundRevoteOpened(round.Id)], []);

    /// <summary>A round's score as it lands on the board: the reviewer's rating, given in this round.</summary>
    public static FactorRated ToBoard(Round round, RoundScore score) =>
        new(round.AreaId, score.Factor, score.Score, score.Rationale, score.ReviewerId, score.Org, round.Id, score.EnteredBy);
}
