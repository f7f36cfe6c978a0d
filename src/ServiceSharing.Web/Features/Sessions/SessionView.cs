using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Features.Sessions;

public sealed record ParticipantView(Guid ParticipantId, string Name, string Org, string Role, bool Invited, bool Connected);

/// <summary>A score as the viewer may see it: while a blind round is in vote, only their own carry a value.</summary>
public sealed record RatingView(Guid ParticipantId, string? Name, string Org, string Factor, int? Score, string? Rationale, bool Hidden, Guid? EnteredBy, bool Confirmed);

public sealed record MissingView(string Org, int Needed, int Have, IReadOnlyList<string> NotYetRated);

public sealed record QuorumView(string Agreement, IReadOnlyList<MissingView> Missing, IReadOnlyList<string> SplitFactors);

public sealed record RoundView(Guid RoundId, Guid AreaId, IReadOnlyList<string> Factors, bool Blind, string Status, int Vote,
    IReadOnlyList<RatingView> Ratings, QuorumView Quorum);

public sealed record SessionView(Guid Id, Guid AssessmentId, string Title, Quorum Quorum, bool Closed, long SessionVersion,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<RoundView> Rounds)
{
    /// <summary>The session as this viewer may see it. Hidden scores never leave the server: not even the
    /// facilitator's screen or the split indicator can tell them before the reveal.</summary>
    public static SessionView For(ReviewSession session, Actor viewer) => new(
        session.Id, session.AssessmentId, session.Title, session.Quorum, session.Closed, session.Version,
        session.Participants.Select(p => new ParticipantView(p.Id, p.Name, p.Org.Key(), p.Role.Key(), p.Invited, p.Connected)).ToList(),
        session.Rounds.Select(r => ToView(session, r, viewer)).ToList());

    private static RoundView ToView(ReviewSession session, Round round, Actor viewer)
    {
        var ratings = round.Scores.Select(s =>
        {
            var visible = round.ScoresVisible || s.ReviewerId == viewer.Id;
            return new RatingView(s.ReviewerId, session.FindParticipant(s.ReviewerId)?.Name, s.Org.Key(), s.Factor.Key(),
                visible ? s.Score : null, visible ? s.Rationale : null, !visible, s.EnteredBy, s.Confirmed);
        }).ToList();

        var quorum = QuorumCheck.Evaluate(session, round);
        var agreement = quorum.Agreement switch
        {
            RoundAgreement.NoQuorum => "no-quorum",
            _ when !round.ScoresVisible => "awaiting-reveal",
            RoundAgreement.Split => "split",
            _ => "agreed"
        };
        return new RoundView(round.Id, round.AreaId, round.Factors.Select(f => f.Key()).ToList(), round.Blind,
            round.Status.ToString().ToLowerInvariant(), round.Vote, ratings,
            new QuorumView(agreement,
                quorum.Missing.Select(m => new MissingView(m.Org.Key(), m.Needed, m.Have, m.NotYetRated)).ToList(),
                round.ScoresVisible ? quorum.SplitFactors.Select(f => f.Key()).ToList() : []));
    }
}
