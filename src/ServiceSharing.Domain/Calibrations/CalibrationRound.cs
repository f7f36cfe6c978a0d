using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Calibrations;

/// <summary>One reviewer's current practice score for one (reference area, factor) cell.</summary>
public sealed record CalibrationScore(Guid AreaId, Factor Factor, Guid ReviewerId, Org Org, int Score);

/// <summary>The state of one calibration round, folded from its own stream. Times come from the events' metadata.</summary>
public sealed class CalibrationRound
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid AssessmentId { get; set; }
    public List<ReferenceArea> Areas { get; set; } = [];
    public List<FactorAnchors> Anchors { get; set; } = [];
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? RevealedAt { get; set; }
    public bool Revealed { get; set; }
    public List<CalibrationScore> Scores { get; set; } = [];

    public bool IsReferenceArea(Guid areaId) => Areas.Any(a => a.AreaId == areaId);

    public IEnumerable<Guid> Raters() => Scores.Select(s => s.ReviewerId).Distinct();

    public IEnumerable<CalibrationScore> ScoresOf(Guid reviewerId) => Scores.Where(s => s.ReviewerId == reviewerId);

    /// <summary>Every (reference area, factor) cell with the scores given for it, in the rubric's order.</summary>
    public IReadOnlyList<PanelCell> Cells() =>
        Areas.SelectMany(area => Enum.GetValues<Factor>().Select(factor => new PanelCell(
                area.AreaId,
                factor,
                Scores.Where(s => s.AreaId == area.AreaId && s.Factor == factor)
                    .Select(s => new ReviewerScore(s.ReviewerId, s.Org, s.Score))
                    .ToList())))
            .ToList();

    public void Apply(CalibrationOpened e, DateTimeOffset at)
    {
        Id = e.RoundId;
        AssessmentId = e.AssessmentId;
        Areas = [.. e.Areas];
        Anchors = [.. e.Anchors];
        OpenedAt = at;
    }

    public void Apply(CalibrationRated e)
    {
        Scores.RemoveAll(s => s.ReviewerId == e.ReviewerId && s.AreaId == e.AreaId && s.Factor == e.Factor);
        Scores.Add(new CalibrationScore(e.AreaId, e.Factor, e.ReviewerId, e.ReviewerOrg, e.Score));
    }

    public void Apply(CalibrationRevealed e, DateTimeOffset at)
    {
        Revealed = true;
        RevealedAt = at;
    }

    /// <summary>Folds one event of this round's stream; <paramref name="at"/> is the event's stored time.</summary>
    public void Evolve(ICalibrationEvent @event, DateTimeOffset at)
    {
        switch (@event)
        {
            case CalibrationOpened e: Apply(e, at); break;
            case CalibrationRated e: Apply(e); break;
            case CalibrationRevealed e: Apply(e, at); break;
        }
    }
}
