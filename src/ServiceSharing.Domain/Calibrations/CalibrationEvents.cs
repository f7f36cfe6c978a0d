using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Calibrations;

/// <summary>Marks the events of a calibration round's stream, so one fold can take them all.</summary>
public interface ICalibrationEvent;

/// <summary>An area of the assessment that reviewers rate for practice; its name as it was when the round opened.</summary>
public sealed record ReferenceArea(Guid AreaId, string Name);

// A calibration round is a stream of its own, never part of the assessment's stream: its ratings cannot reach the
// board, the history, the agreement or the decision model, and opening or rating it does not move the assessment's
// version (so nobody's expectedVersion on the board goes stale because of practice).

public sealed record CalibrationOpened(
    Guid RoundId,
    Guid AssessmentId,
    IReadOnlyList<ReferenceArea> Areas,
    IReadOnlyList<FactorAnchors> Anchors,
    string? Rationale) : ICalibrationEvent;

/// <summary>A reviewer's practice score for one factor of one reference area; the latest one per reviewer counts.</summary>
public sealed record CalibrationRated(Guid AreaId, Factor Factor, int Score, string? Rationale, Guid ReviewerId, Org ReviewerOrg)
    : ICalibrationEvent;

/// <summary>The facilitator shows the panel's scores; the round takes no more ratings.</summary>
public sealed record CalibrationRevealed(string? Rationale) : ICalibrationEvent;
