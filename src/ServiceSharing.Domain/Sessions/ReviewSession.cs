using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Sessions;

public sealed record UndoableAction(string Kind, Guid Target, long AssessmentVersion);

/// <summary>The state of one review session, folded from its stream.</summary>
public sealed class ReviewSession
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid AssessmentId { get; set; }
    public string Title { get; set; } = "";
    public Quorum Quorum { get; set; } = Quorum.Default;
    public bool Closed { get; set; }
    public List<SessionParticipant> Participants { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];

    /// <summary>The facilitator's reveals, closes and verdicts, latest last: what "undo" takes back.</summary>
    public List<UndoableAction> UndoStack { get; set; } = [];

    public Round? FindRound(Guid roundId) => Rounds.FirstOrDefault(r => r.Id == roundId);

    public SessionParticipant? FindParticipant(Guid id) => Participants.FirstOrDefault(p => p.Id == id);

    public bool IsInvited(Guid participantId) => FindParticipant(participantId)?.Invited == true;

    public void Evolve(ISessionEvent @event)
    {
        switch (@event)
        {
            case SessionOpened e:
                (Id, AssessmentId, Title, Quorum) = (e.SessionId, e.AssessmentId, e.Title, e.Quorum);
                break;
            case ParticipantInvitedToSession e:
                Upsert(e.ParticipantId, e.Name, e.Org, e.Role).Invited = true;
                break;
            case ParticipantJoined e:
                Upsert(e.ParticipantId, e.Name, e.Org, e.Role).Connected = true;
                break;
            case ParticipantLeft e when FindParticipant(e.ParticipantId) is { } left:
                left.Connected = false;
                break;
            case RoundOpened e:
                Rounds.Add(new Round { Id = e.RoundId, AreaId = e.AreaId, Factors = [.. e.Factors], Blind = e.Blind });
                break;
            case RoundRatingSubmitted e when FindRound(e.RoundId) is { } round:
                round.Record(new RoundScore(e.ReviewerId, e.ReviewerOrg, e.Factor, e.Score, e.Rationale, e.EnteredBy, e.EnteredBy is null));
                break;
            case ProxyRatingConfirmed e when FindRound(e.RoundId) is { } round:
                round.Scores = round.Scores.Select(s => s.ReviewerId == e.ReviewerId ? s with { Confirmed = true } : s).ToList();
                break;
            case RoundRevealed e when FindRound(e.RoundId) is { } round:
                round.Status = RoundStatus.Revealed;
                round.Revealed = true;
                UndoStack.Add(new UndoableAction("reveal", e.RoundId, 0));
                break;
            case RoundRevoteOpened e when FindRound(e.RoundId) is { } round:
                round.Status = RoundStatus.Voting;
                round.Revealed = false;
                round.Vote++;
                round.Scores.Clear();
                break;
            case RoundClosed e when FindRound(e.RoundId) is { } round:
                round.Status = RoundStatus.Closed;
                UndoStack.Add(new UndoableAction("close", e.RoundId, 0));
                break;
            case RoundDiscarded e when FindRound(e.RoundId) is { } round:
                round.Status = RoundStatus.Discarded;
                UndoStack.Add(new UndoableAction("discard", e.RoundId, 0));
                break;
            case RoundRevealUndone e when FindRound(e.RoundId) is { } round:
                round.Status = RoundStatus.Voting;
                round.Revealed = false;
                PopUndo();
                break;
            case RoundReopened e when FindRound(e.RoundId) is { } round:
                // Back to where the close found it: revealed if it had been, else still in vote.
                round.Status = round.Revealed ? RoundStatus.Revealed : RoundStatus.Voting;
                PopUndo();
                break;
            case RoundDiscardUndone e when FindRound(e.RoundId) is { } round:
                round.Status = RoundStatus.Voting;
                PopUndo();
                break;
            case SessionVerdictRecorded e:
                UndoStack.Add(new UndoableAction("verdict", e.AreaId, e.AssessmentVersion));
                break;
            case SessionVerdictUndone:
                PopUndo();
                break;
            case SessionClosed:
                Closed = true;
                break;
        }
    }

    private void PopUndo()
    {
        if (UndoStack.Count > 0)
        {
            UndoStack.RemoveAt(UndoStack.Count - 1);
        }
    }

    private SessionParticipant Upsert(Guid id, string name, Org org, Role role)
    {
        var participant = FindParticipant(id);
        if (participant is null)
        {
            participant = new SessionParticipant { Id = id };
            Participants.Add(participant);
        }

        (participant.Name, participant.Org, participant.Role) = (name, org, role);
        return participant;
    }
}
