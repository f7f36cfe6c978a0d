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

    /// <summary>Closing never shows a blind score: a blind round in vote is revealed or discarded, not closed.</summary>
    public static RoundOutcome Close(Round round) => round switch
    {
        { Status: RoundStatus.Closed } => RoundOutcome.Refused("The round is closed already."),
        { Status: RoundStatus.Discarded } => RoundOutcome.Refused("The round was discarded; there is nothing to close."),
        { AwaitsReveal: true } => RoundOutcome.Refused(
            "This blind round has not been revealed. Reveal it to show its scores, or discard it to keep them hidden for good; then it can be closed."),
        _ => new RoundOutcome([new RoundClosed(round.Id)], [])
    };

    /// <summary>Sets a blind round in vote aside: its scores never reach the board or anyone but their authors.</summary>
    public static RoundOutcome Discard(Round round) => round switch
    {
        { Blind: false } => RoundOutcome.Refused("An open round shows its scores as they come; close it instead of discarding it."),
        { Status: not RoundStatus.Voting } => RoundOutcome.Refused(
            $"The round is {round.Status.ToString().ToLowerInvariant()}; only a blind round still in vote can be discarded."),
        _ => new RoundOutcome([new RoundDiscarded(round.Id)], [])
    };

    public static RoundOutcome Revote(Round round) => round.Status switch
    {
        RoundStatus.Closed => RoundOutcome.Refused("The round is closed; undo the close to vote again."),
        RoundStatus.Discarded => RoundOutcome.Refused("The round was discarded; undo the discard or open a new round to vote again."),
        _ => new RoundOutcome([new RoundRevoteOpened(round.Id)], [])
    };

    /// <summary>A round's score as it lands on the board: the reviewer's rating, given in this round.</summary>
    public static FactorRated ToBoard(Round round, RoundScore score) =>
        new(round.AreaId, score.Factor, score.Score, score.Rationale, score.ReviewerId, score.Org, round.Id, score.EnteredBy);
}
