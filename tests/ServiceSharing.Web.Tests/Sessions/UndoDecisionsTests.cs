using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.Sessions;

namespace ServiceSharing.Web.Tests.Sessions;

/// <summary>The pure decisions behind undo and reveal, without a database.</summary>
public sealed class UndoDecisionsTests
{
    private static readonly Guid Area = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static Round RoundWith(params RoundScore[] scores) =>
        new() { Id = Guid.NewGuid(), AreaId = Area, Factors = [Factor.Similarity], Blind = true, Status = RoundStatus.Revealed, Scores = [.. scores] };

    [Fact]
    public void undoing_a_reveal_restores_each_reviewers_score_from_before_the_round()
    {
        var round = RoundWith(new RoundScore(Reviewer, Org.City, Factor.Similarity, 4, null, null, true));
        IAssessmentEvent[] history =
        [
            new FactorRated(Area, Factor.Similarity, 1, null, Reviewer, Org.City),
            new FactorRated(Area, Factor.Similarity, 2, null, Reviewer, Org.City, Guid.NewGuid()),
            new FactorRated(Area, Factor.Similarity, 4, null, Reviewer, Org.City, round.Id)
        ];

        var outcome = UndoDecisions.UndoReveal(round, history);

        outcome.SessionEvents.ShouldBe([new RoundRevealUndone(round.Id)]);
        outcome.AssessmentEvents.ShouldBe([new RatingRetracted(Area, Factor.Similarity, Reviewer, Org.City, round.Id, 2)]);
    }

    [Fact]
    public void a_reviewer_who_had_no_score_before_the_round_has_none_after_the_undo()
    {
        var round = RoundWith(new RoundScore(Reviewer, Org.County, Factor.Similarity, 3, null, null, true));
        var outcome = UndoDecisions.UndoReveal(round, [new FactorRated(Area, Factor.Similarity, 3, null, Reviewer, Org.County, round.Id)]);
        outcome.AssessmentEvents.ShouldBe([new RatingRetracted(Area, Factor.Similarity, Reviewer, Org.County, round.Id, null)]);
    }

    [Fact]
    public void undoing_a_verdict_brings_back_the_one_before_or_withdraws_it()
    {
        var before = new FunctionalArea { Id = Area, Name = "Payroll", Verdict = Verdict.No, NextSteps = "Later" };
        UndoDecisions.UndoVerdict(Area, 7, before).AssessmentEvents
            .ShouldBe([new VerdictRecorded(Area, Verdict.No, "Later", UndoDecisions.Rationale)]);
        UndoDecisions.UndoVerdict(Area, 7, new FunctionalArea { Id = Area }).AssessmentEvents
            .ShouldBe([new VerdictWithdrawn(Area, UndoDecisions.Rationale)]);
    }

    [Fact]
    public void only_a_blind_round_in_vote_can_be_revealed_and_its_scores_go_to_the_board_with_the_round()
    {
        var voting = RoundWith(new RoundScore(Reviewer, Org.City, Factor.Similarity, 3, "why", Guid.Empty, false));
        voting.Status = RoundStatus.Voting;
        var outcome = RoundDecisions.Reveal(voting);
        outcome.Refusal.ShouldBeNull();
        outcome.AssessmentEvents.ShouldBe([new FactorRated(Area, Factor.Similarity, 3, "why", Reviewer, Org.City, voting.Id, Guid.Empty)]);

        RoundDecisions.Reveal(RoundWith()).Refusal.ShouldNotBeNull();
        voting.Blind = false;
        RoundDecisions.Reveal(voting).Refusal.ShouldNotBeNull();
    }
}
