using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Sessions;

public enum RoundStatus
{
    Voting,
    Revealed,
    Closed,

    /// <summary>Set aside without a reveal: its scores stay hidden for good and never reach the board.</summary>
    Discarded
}

public sealed record RoundScore(Guid ReviewerId, Org Org, Factor Factor, int Score, string? Rationale, Guid? EnteredBy, bool Confirmed);

/// <summary>One round of a session: an area, the factors asked about, and the scores of the current vote.</summary>
public sealed class Round
{
    public Guid Id { get; set; }
    public Guid AreaId { get; set; }
    public List<Factor> Factors { get; set; } = [];
    public bool Blind { get; set; }
    public RoundStatus Status { get; set; }
    public int Vote { get; set; } = 1;
    public List<RoundScore> Scores { get; set; } = [];

    /// <summary>Whether the current vote's scores were revealed (and not taken back since). Kept apart from the
    /// status: a closed round is not thereby a revealed one.</summary>
    public bool Revealed { get; set; }

    /// <summary>Scores are visible to all once revealed, and at all times in an open (not blind) round. Only a reveal
    /// shows a blind score to anyone but its author: closing, discarding or any later state never does.</summary>
    public bool ScoresVisible => !Blind || Revealed;

    /// <summary>A blind round whose scores nobody but their authors has seen, still in vote.</summary>
    public bool AwaitsReveal => Blind && !Revealed && Status == RoundStatus.Voting;

    public void Record(RoundScore score)
    {
        Scores.RemoveAll(s => s.ReviewerId == score.ReviewerId && s.Factor == score.Factor);
        Scores.Add(score);
    }

    public bool HasRatedEveryFactor(Guid reviewerId) =>
        Factors.All(f => Scores.Any(s => s.ReviewerId == reviewerId && s.Factor == f));
}
