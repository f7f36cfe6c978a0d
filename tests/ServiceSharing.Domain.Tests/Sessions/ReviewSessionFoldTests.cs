using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Domain.Tests.Sessions;

public sealed class ReviewSessionFoldTests
{
    private static readonly Guid RoundId = Guid.NewGuid();
    private static readonly (Guid Id, string Name, Org Org)[] People =
        [(Guid.NewGuid(), "Cathy", Org.City), (Guid.NewGuid(), "Carl", Org.City), (Guid.NewGuid(), "Cole", Org.County)];

    private static ReviewSession Session(Quorum quorum, bool blind, params ISessionEvent[] more)
    {
        var session = new ReviewSession();
        ISessionEvent[] events =
        [
            new SessionOpened(Guid.NewGuid(), Guid.NewGuid(), "Workshop", quorum),
            .. People.Select(p => new ParticipantInvitedToSession(p.Id, p.Name, p.Org, Role.Reviewer)),
            new RoundOpened(RoundId, Guid.NewGuid(), [Factor.Similarity, Factor.Challenges], blind),
            .. more
        ];
        foreach (var e in events)
        {
            session.Evolve(e);
        }

        return session;
    }

    private static RoundRatingSubmitted Rated(int person, Factor factor, int score) =>
        new(RoundId, factor, score, null, People[person].Id, People[person].Org, null);

    [Fact]
    public void a_blind_rounds_scores_are_hidden_until_revealed_and_a_revote_clears_them()
    {
        var session = Session(Quorum.Default, blind: true, Rated(0, Factor.Similarity, 3));
        var round = session.FindRound(RoundId)!;
        round.ScoresVisible.ShouldBeFalse();

        session.Evolve(new RoundRevealed(RoundId));
        round.ScoresVisible.ShouldBeTrue();
        session.UndoStack.Select(a => a.Kind).ShouldBe(["reveal"]);

        session.Evolve(new RoundRevoteOpened(RoundId));
        round.Scores.ShouldBeEmpty();
        round.Vote.ShouldBe(2);
        round.ScoresVisible.ShouldBeFalse();
    }

    [Fact]
    public void closing_or_discarding_a_blind_round_never_makes_its_scores_visible()
    {
        var discarded = Session(Quorum.Default, blind: true, Rated(0, Factor.Similarity, 3), new RoundDiscarded(RoundId));
        var round = discarded.FindRound(RoundId)!;
        round.Status.ShouldBe(RoundStatus.Discarded);
        round.ScoresVisible.ShouldBeFalse();
        discarded.UndoStack.Select(a => a.Kind).ShouldBe(["discard"]);

        discarded.Evolve(new RoundDiscardUndone(RoundId));
        round.Status.ShouldBe(RoundStatus.Voting);
        round.ScoresVisible.ShouldBeFalse();
        discarded.UndoStack.ShouldBeEmpty();

        // A stream written before closes were refused may close an unrevealed blind round: still hidden.
        var closedUnrevealed = Session(Quorum.Default, blind: true, Rated(0, Factor.Similarity, 3), new RoundClosed(RoundId));
        closedUnrevealed.FindRound(RoundId)!.ScoresVisible.ShouldBeFalse();
        closedUnrevealed.Evolve(new RoundReopened(RoundId));
        closedUnrevealed.FindRound(RoundId)!.Status.ShouldBe(RoundStatus.Voting);
        closedUnrevealed.FindRound(RoundId)!.ScoresVisible.ShouldBeFalse();
    }

    [Fact]
    public void a_revealed_round_stays_visible_when_closed_and_returns_to_revealed_when_the_close_is_undone()
    {
        var session = Session(Quorum.Default, blind: true, Rated(0, Factor.Similarity, 3), new RoundRevealed(RoundId), new RoundClosed(RoundId));
        var round = session.FindRound(RoundId)!;
        round.ScoresVisible.ShouldBeTrue();

        session.Evolve(new RoundReopened(RoundId));
        round.Status.ShouldBe(RoundStatus.Revealed);
        round.ScoresVisible.ShouldBeTrue();

        session.Evolve(new RoundRevealUndone(RoundId));
        round.ScoresVisible.ShouldBeFalse();
    }

    [Fact]
    public void a_reviewers_later_score_for_the_same_factor_replaces_the_earlier_one()
    {
        var session = Session(Quorum.Default, blind: false, Rated(0, Factor.Similarity, 1), Rated(0, Factor.Similarity, 4));
        session.FindRound(RoundId)!.Scores.Single().Score.ShouldBe(4);
    }

    [Fact]
    public void quorum_needs_each_orgs_reviewers_to_rate_every_factor_of_the_round()
    {
        var session = Session(new Quorum(2, 1), blind: false,
            Rated(0, Factor.Similarity, 2), Rated(0, Factor.Challenges, 2),
            Rated(1, Factor.Similarity, 2),
            Rated(2, Factor.Similarity, 2), Rated(2, Factor.Challenges, 2));

        var result = QuorumCheck.Evaluate(session, session.FindRound(RoundId)!);

        result.Agreement.ShouldBe(RoundAgreement.NoQuorum);
        result.Missing.Single().ShouldSatisfyAllConditions(
            m => m.Org.ShouldBe(Org.City),
            m => m.Needed.ShouldBe(2),
            m => m.Have.ShouldBe(1),
            m => m.NotYetRated.ShouldBe(["Carl"]));
    }

    [Fact]
    public void with_quorum_a_factor_two_steps_apart_between_the_governments_is_a_split()
    {
        var session = Session(Quorum.Default, blind: false,
            Rated(0, Factor.Similarity, 4), Rated(0, Factor.Challenges, 2),
            Rated(2, Factor.Similarity, 2), Rated(2, Factor.Challenges, 1));

        var result = QuorumCheck.Evaluate(session, session.FindRound(RoundId)!);

        result.Agreement.ShouldBe(RoundAgreement.Split);
        result.SplitFactors.ShouldBe([Factor.Similarity]);
    }

    [Fact]
    public void within_one_step_with_quorum_the_round_is_agreed()
    {
        var session = Session(Quorum.Default, blind: false,
            Rated(0, Factor.Similarity, 3), Rated(0, Factor.Challenges, 2),
            Rated(2, Factor.Similarity, 2), Rated(2, Factor.Challenges, 2));

        QuorumCheck.Evaluate(session, session.FindRound(RoundId)!).Agreement.ShouldBe(RoundAgreement.Agreed);
    }

    [Fact]
    public void undo_events_pop_the_facilitators_last_action()
    {
        var session = Session(Quorum.Default, blind: true, new RoundRevealed(RoundId), new RoundClosed(RoundId),
            new SessionVerdictRecorded(Guid.NewGuid(), 12));
        session.UndoStack.Select(a => a.Kind).ShouldBe(["reveal", "close", "verdict"]);

        session.Evolve(new SessionVerdictUndone(Guid.NewGuid(), 12));
        session.Evolve(new RoundReopened(RoundId));
        session.UndoStack.Select(a => a.Kind).ShouldBe(["reveal"]);
        session.FindRound(RoundId)!.Status.ShouldBe(RoundStatus.Revealed);
    }

    [Fact]
    public void presence_follows_joins_and_leaves()
    {
        var session = Session(Quorum.Default, blind: true, new ParticipantJoined(People[0].Id, "Cathy", Org.City, Role.Reviewer));
        session.FindParticipant(People[0].Id)!.Connected.ShouldBeTrue();
        session.Evolve(new ParticipantLeft(People[0].Id));
        session.FindParticipant(People[0].Id)!.Connected.ShouldBeFalse();
        session.IsInvited(People[0].Id).ShouldBeTrue();
    }
}
