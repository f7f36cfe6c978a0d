using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Assessments;

/// <summary>Marks the events of an assessment's stream, so one fold can take them all.</summary>
public interface IAssessmentEvent;

// The facts of an assessment's life, one stream per assessment. Who did it, when and under which correlation
// travel as Marten metadata beside each event; the events carry only what happened.

/// <summary>Governments names the two sides as the board shows them ("City of Madison", "Dane County"); absent in
/// assessments created before they could be named, which show "City" and "County".</summary>
public sealed record AssessmentCreated(Guid AssessmentId, string Title, AssessmentRubric Rubric, GovernmentNames? Governments = null)
    : IAssessmentEvent;

public sealed record FunctionalAreaAdded(Guid AreaId, string Name) : IAssessmentEvent;

public sealed record FunctionalAreaRenamed(Guid AreaId, string Name, string? Rationale) : IAssessmentEvent;

/// <summary>The board's areas in a new order: every area on the board, each once, first to last.</summary>
public sealed record FunctionalAreasReordered(IReadOnlyList<Guid> AreaIds) : IAssessmentEvent;

/// <summary>An area taken off the board. Its events stay in the stream, so history and replay still show it.</summary>
public sealed record FunctionalAreaRetired(Guid AreaId, string? Rationale) : IAssessmentEvent;

/// <summary>A reviewer's own score for one factor of one area; the latest one per reviewer counts. RoundId names the
/// session round it was given in, EnteredBy the facilitator who entered it for the reviewer (proxy entry).</summary>
public sealed record FactorRated(
    Guid AreaId, Factor Factor, int Score, string? Rationale, Guid ReviewerId, Org ReviewerOrg,
    Guid? RoundId = null, Guid? EnteredBy = null) : IAssessmentEvent;

/// <summary>Compensates ratings a round put on the board (an undone reveal): the reviewer's score for the factor
/// is back to what it was before that round, or none.</summary>
public sealed record RatingRetracted(Guid AreaId, Factor Factor, Guid ReviewerId, Org ReviewerOrg, Guid RoundId, int? RestoredScore)
    : IAssessmentEvent;

/// <summary>The panel's agreed score for a factor, recorded by the facilitator.</summary>
public sealed record JointRatingRecorded(Guid AreaId, Factor Factor, int Score, string? Rationale) : IAssessmentEvent;

public sealed record VerdictRecorded(Guid AreaId, Verdict Verdict, string? NextSteps, string? Rationale) : IAssessmentEvent;

/// <summary>Compensates the only verdict an area had (an undone decision): the area has no verdict again.</summary>
public sealed record VerdictWithdrawn(Guid AreaId, string? Rationale) : IAssessmentEvent;

/// <summary>An area marked for further analysis; Focus names the part of it that is meant ("Central Payroll").</summary>
public sealed record AreaPrioritized(Guid AreaId, string? Focus, string? Rationale) : IAssessmentEvent;

public sealed record AreaDeprioritized(Guid AreaId, string? Rationale) : IAssessmentEvent;

public sealed record PhaseStarted(string Phase, string Name, string? Rationale) : IAssessmentEvent;

public sealed record PhasePaused(string Phase, string? Rationale) : IAssessmentEvent;

public sealed record PhaseResumed(string Phase, string? Rationale) : IAssessmentEvent;

public sealed record PhaseCompleted(string Phase, string? Rationale) : IAssessmentEvent;

public sealed record SnapshotTaken(string Label) : IAssessmentEvent;

/// <summary>
/// The facilitator's decision model from now on: the weight of each factor in an area's score and the scores at
/// which the score suggests Yes or Maybe (see Decisions.DecisionModel). It suggests; verdicts are still recorded.
/// </summary>
public sealed record DecisionModelSet(IReadOnlyDictionary<Factor, double> Weights, double YesAtLeast, double MaybeAtLeast, string? Rationale)
    : IAssessmentEvent;
