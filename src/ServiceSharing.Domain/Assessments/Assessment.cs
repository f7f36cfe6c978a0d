using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Assessments;

/// <summary>
/// The state of one assessment, folded from its stream. Marten keeps it inline as the current board and
/// rebuilds it live at any earlier version or time for replay; handlers only read it.
/// </summary>
public sealed partial class Assessment
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Title { get; set; } = "";
    public AssessmentRubric Rubric { get; set; } = AssessmentRubric.Default;
    public GovernmentNames Governments { get; set; } = GovernmentNames.Default;
    public List<FunctionalArea> Areas { get; set; } = [];

    /// <summary>Areas taken off the board, kept so the audit trail can still name them.</summary>
    public List<FunctionalArea> RetiredAreas { get; set; } = [];
    public List<Phase> Phases { get; set; } = [];
    public List<string> SnapshotLabels { get; set; } = [];

    /// <summary>The model a facilitator set; null until then, when <see cref="DecisionModel.Default"/> applies.</summary>
    public DecisionModel? DecisionModel { get; set; }

    public DecisionModel DecisionModelInForce() => DecisionModel ?? DecisionModel.Default;

    public Phase? CurrentPhase => Phases.LastOrDefault();

    public AssessmentStatus Status => CurrentPhase?.Status switch
    {
        PhaseStatus.OnHold => AssessmentStatus.OnHold,
        PhaseStatus.Completed => AssessmentStatus.Completed,
        _ => AssessmentStatus.Active
    };

    public FunctionalArea? FindArea(Guid areaId) => Areas.FirstOrDefault(a => a.Id == areaId);

    public FunctionalArea? FindArea(string name) =>
        Areas.FirstOrDefault(a => string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public Phase? FindPhase(string key) => Phases.FirstOrDefault(p => p.Key == key);

    public void Apply(AssessmentCreated e)
    {
        Id = e.AssessmentId;
        Title = e.Title;
        Rubric = e.Rubric;
        Governments = e.Governments ?? GovernmentNames.Default;
    }

    public void Apply(FunctionalAreaAdded e) => Areas.Add(new FunctionalArea { Id = e.AreaId, Name = e.Name });

    public void Apply(FunctionalAreaRenamed e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            area.Name = e.Name;
        }
    }

    public void Apply(FunctionalAreasReordered e)
    {
        // Areas the event does not name (none, when the handler checked it) keep their place at the end.
        var position = e.AreaIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        Areas = [.. Areas.OrderBy(a => position.GetValueOrDefault(a.Id, int.MaxValue))];
    }

    public void Apply(FunctionalAreaRetired e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            Areas.Remove(area);
            RetiredAreas.Add(area);
        }
    }

    /// <summary>An area on the board or retired from it: for naming it in the audit trail.</summary>
    public FunctionalArea? FindAnyArea(Guid areaId) => FindArea(areaId) ?? RetiredAreas.FirstOrDefault(a => a.Id == areaId);

    public void Apply(FactorRated e) =>
        FindArea(e.AreaId)?.RatingsOf(e.Factor).Record(new ReviewerScore(e.ReviewerId, e.ReviewerOrg, e.Score));

    public void Apply(RatingRetracted e)
    {
        if (FindArea(e.AreaId)?.RatingsOf(e.Factor) is { } ratings)
        {
            ratings.Reviewers.RemoveAll(r => r.ReviewerId == e.ReviewerId);
            if (e.RestoredScore is { } restored)
            {
                ratings.Record(new ReviewerScore(e.ReviewerId, e.ReviewerOrg, restored));
            }
        }
    }

    public void Apply(VerdictWithdrawn e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            area.Verdict = null;
            area.NextSteps = null;
        }
    }

    public void Apply(JointRatingRecorded e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            area.RatingsOf(e.Factor).Joint = e.Score;
        }
    }

    public void Apply(VerdictRecorded e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            area.Verdict = e.Verdict;
            area.NextSteps = e.NextSteps;
        }
    }

    public void Apply(AreaPrioritized e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            area.Priority = true;
            area.PriorityFocus = e.Focus;
        }
    }

    public void Apply(AreaDeprioritized e)
    {
        if (FindArea(e.AreaId) is { } area)
        {
            area.Priority = false;
            area.PriorityFocus = null;
        }
    }

    public void Apply(PhaseStarted e)
    {
        // Starting a phase closes the one before it: the study moves on, it does not run phases side by side.
        foreach (var open in Phases.Where(p => p.Status != PhaseStatus.Completed))
        {
            open.Status = PhaseStatus.Completed;
        }

        Phases.Add(new Phase { Key = e.Phase, Name = e.Name, Status = PhaseStatus.Active });
    }

    public void Apply(PhasePaused e) => SetPhaseStatus(e.Phase, PhaseStatus.OnHold);

    public void Apply(PhaseResumed e) => SetPhaseStatus(e.Phase, PhaseStatus.Active);

    public void Apply(PhaseCompleted e) => SetPhaseStatus(e.Phase, PhaseStatus.Completed);

    public void Apply(SnapshotTaken e) => SnapshotLabels.Add(e.Label);

    public void Apply(DecisionModelSet e) =>
        DecisionModel = new DecisionModel(new Dictionary<Factor, double>(e.Weights), e.YesAtLeast, e.MaybeAtLeast);

    private void SetPhaseStatus(string key, PhaseStatus status)
    {
        if (FindPhase(key) is { } phase)
        {
            phase.Status = status;
        }
    }
}

public enum AssessmentStatus
{
    Active,
    OnHold,
    Completed
}

public sealed partial class Assessment
{
    /// <summary>Folds one event of this stream into the state: replay and the audit trail use it in memory,
    /// Marten calls the Apply methods directly.</summary>
    public void Evolve(IAssessmentEvent @event)
    {
        switch (@event)
        {
            case AssessmentCreated e: Apply(e); break;
            case FunctionalAreaAdded e: Apply(e); break;
            case FunctionalAreaRenamed e: Apply(e); break;
            case FunctionalAreasReordered e: Apply(e); break;
            case FunctionalAreaRetired e: Apply(e); break;
            case FactorRated e: Apply(e); break;
            case RatingRetracted e: Apply(e); break;
            case JointRatingRecorded e: Apply(e); break;
            case VerdictRecorded e: Apply(e); break;
            case VerdictWithdrawn e: Apply(e); break;
            case AreaPrioritized e: Apply(e); break;
            case AreaDeprioritized e: Apply(e); break;
            case PhaseStarted e: Apply(e); break;
            case PhasePaused e: Apply(e); break;
            case PhaseResumed e: Apply(e); break;
            case PhaseCompleted e: Apply(e); break;
            case SnapshotTaken e: Apply(e); break;
            case DecisionModelSet e: Apply(e); break;
        }
    }
}
