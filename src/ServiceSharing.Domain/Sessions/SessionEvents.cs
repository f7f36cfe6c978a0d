using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Sessions;

// The facts of one joint review session (a workshop), one stream per session. Scores given in a blind round live
// here, not in the assessment's stream, until the facilitator reveals them: then they become FactorRated events of
// the assessment, so no read of the board, history or diff can show them early.

/// <summary>Marks the events of a review session's stream, so one fold can take them all.</summary>
public interface ISessionEvent;

/// <summary>How many reviewers of each government must have rated every factor of a round for it to count as agreed.</summary>
public sealed record Quorum(int City, int County)
{
    public static Quorum Default { get; } = new(1, 1);

    public int For(Org org) => org switch
    {
        Org.City => City,
        Org.County => County,
        _ => 0
    };
}

public sealed record SessionOpened(Guid SessionId, Guid AssessmentId, string Title, Quorum Quorum) : ISessionEvent;

public sealed record ParticipantInvitedToSession(Guid ParticipantId, string Name, Org Org, Role Role) : ISessionEvent;

public sealed record ParticipantJoined(Guid ParticipantId, string Name, Org Org, Role Role) : ISessionEvent;

public sealed record ParticipantLeft(Guid ParticipantId) : ISessionEvent;

public sealed record RoundOpened(Guid RoundId, Guid AreaId, IReadOnlyList<Factor> Factors, bool Blind) : ISessionEvent;

/// <summary>A score given in a round. EnteredBy is the facilitator who typed it in for the reviewer, if anyone did.</summary>
public sealed record RoundRatingSubmitted(
    Guid RoundId, Factor Factor, int Score, string? Rationale, Guid ReviewerId, Org ReviewerOrg, Guid? EnteredBy) : ISessionEvent;

public sealed record ProxyRatingConfirmed(Guid RoundId, Guid ReviewerId) : ISessionEvent;

public sealed record RoundRevealed(Guid RoundId) : ISessionEvent;

/// <summary>The round votes again: earlier scores of this round no longer count for it.</summary>
public sealed record RoundRevoteOpened(Guid RoundId) : ISessionEvent;

public sealed record RoundClosed(Guid RoundId) : ISessionEvent;

/// <summary>A blind round set aside without a reveal: its scores stay hidden from everyone but their authors, for good.</summary>
public sealed record RoundDiscarded(Guid RoundId) : ISessionEvent;

/// <summary>Compensates a discard: the round is in vote again, its scores still hidden.</summary>
public sealed record RoundDiscardUndone(Guid RoundId) : ISessionEvent;

/// <summary>Compensates a reveal: the round is hidden again and its scores leave the board.</summary>
public sealed record RoundRevealUndone(Guid RoundId) : ISessionEvent;

/// <summary>Compensates a close.</summary>
public sealed record RoundReopened(Guid RoundId) : ISessionEvent;

/// <summary>A verdict recorded during the session, remembered so the facilitator can undo it.</summary>
public sealed record SessionVerdictRecorded(Guid AreaId, long AssessmentVersion) : ISessionEvent;

/// <summary>Compensates a verdict recorded during the session.</summary>
public sealed record SessionVerdictUndone(Guid AreaId, long AssessmentVersion) : ISessionEvent;

public sealed record SessionClosed : ISessionEvent;
