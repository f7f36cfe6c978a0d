using ServiceSharing.Web.Features.History;
using ServiceSharing.Web.Features.Sessions;

namespace ServiceSharing.Web.Realtime;

// What the hub sends. Every message carries the assessment version it reflects; session messages also carry the
// session's own version. Hub method names are the record names (see docs/realtime.md).

public sealed record BoardChange(string Type, DateTimeOffset At, ActorView? Actor, object Data);

public sealed record BoardChanged(Guid AssessmentId, long Version, BoardChange Change);

public sealed record PresenceChanged(Guid SessionId, long Version, long SessionVersion, IReadOnlyList<ParticipantView> Participants);

public sealed record RoundOpened(Guid SessionId, Guid RoundId, Guid AreaId, IReadOnlyList<string> Factors, bool Blind, long Version, long SessionVersion);

/// <summary>Who rated; the score only travels when the round is not blind.</summary>
public sealed record RatingSubmitted(Guid SessionId, Guid RoundId, Guid ParticipantId, string Org, string Factor, int? Score, Guid? EnteredBy, long Version, long SessionVersion);

public sealed record RoundRevealed(Guid SessionId, Guid RoundId, IReadOnlyList<RatingView> Ratings, long Version, long SessionVersion);

/// <summary>Any other change of a round: sent to a re-vote, reopened, its reveal undone, discarded unrevealed (or that undone), a proxy entry confirmed.</summary>
public sealed record RoundChanged(Guid SessionId, Guid RoundId, string Change, long Version, long SessionVersion);

public sealed record RoundClosed(Guid SessionId, Guid RoundId, long Version, long SessionVersion);

public sealed record SessionClosed(Guid SessionId, long Version, long SessionVersion);

/// <summary>A calibration round of the assessment was opened, rated (by someone; no score) or revealed.</summary>
public sealed record CalibrationChanged(Guid AssessmentId, Guid RoundId, string Change, long RoundVersion);
