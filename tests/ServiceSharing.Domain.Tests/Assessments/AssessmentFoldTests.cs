using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Assessments;

public sealed class AssessmentFoldTests
{
    private static readonly Guid AreaId = Guid.NewGuid();

    private static Assessment Fold(params IAssessmentEvent[] events)
    {
        var state = new Assessment();
        foreach (var e in events)
        {
            state.Evolve(e);
        }

        return state;
    }

    private static readonly IAssessmentEvent[] Created =
    [
        new AssessmentCreated(Guid.NewGuid(), "Study", AssessmentRubric.Default),
        new FunctionalAreaAdded(AreaId, "Payroll")
    ];

    [Fact]
    public void only_each_reviewers_latest_score_counts_and_each_org_shows_its_median()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = Fold([
            .. Created,
            new FactorRated(AreaId, Factor.Similarity, 1, null, a, Org.City),
            new FactorRated(AreaId, Factor.Similarity, 2, null, b, Org.City),
            new FactorRated(AreaId, Factor.Similarity, 4, "changed my mind", a, Org.City),
            new FactorRated(AreaId, Factor.Similarity, 0, null, c, Org.County)
        ]);

        var ratings = state.FindArea(AreaId)!.RatingsOf(Factor.Similarity);
        ratings.Reviewers.Count.ShouldBe(3);
        ratings.ValueOf(Org.City).ShouldBe(3.0);
        ratings.ValueOf(Org.County).ShouldBe(0.0);
        ratings.Joint.ShouldBeNull();
    }

    [Fact]
    public void the_joint_rating_verdict_and_priority_land_on_the_area()
    {
        var state = Fold([
            .. Created,
            new JointRatingRecorded(AreaId, Factor.Centralization, 3, "agreed"),
            new VerdictRecorded(AreaId, Verdict.Yes, "Joint RFP", null),
            new AreaPrioritized(AreaId, "Central Payroll", null)
        ]);

        var area = state.FindArea(AreaId)!;
        area.RatingsOf(Factor.Centralization).Joint.ShouldBe(3);
        area.Verdict.ShouldBe(Verdict.Yes);
        area.NextSteps.ShouldBe("Joint RFP");
        area.Priority.ShouldBeTrue();
        area.PriorityFocus.ShouldBe("Central Payroll");

        state.Evolve(new AreaDeprioritized(AreaId, null));
        area.Priority.ShouldBeFalse();
        area.PriorityFocus.ShouldBeNull();
    }

    [Fact]
    public void starting_a_phase_completes_the_open_one_and_pausing_puts_the_assessment_on_hold()
    {
        var state = Fold([
            .. Created,
            new PhaseStarted("phase-1", "Scan", null),
            new PhaseStarted("phase-2", "Deeper dive", null)
        ]);
        state.FindPhase("phase-1")!.Status.ShouldBe(PhaseStatus.Completed);
        state.Status.ShouldBe(AssessmentStatus.Active);

        state.Evolve(new PhasePaused("phase-2", "on hold"));
        state.Status.ShouldBe(AssessmentStatus.OnHold);
        state.CurrentPhase!.Key.ShouldBe("phase-2");

        state.Evolve(new PhaseResumed("phase-2", null));
        state.Status.ShouldBe(AssessmentStatus.Active);
        state.Evolve(new PhaseCompleted("phase-2", null));
        state.Status.ShouldBe(AssessmentStatus.Completed);
    }

    [Fact]
    public void events_for_an_unknown_area_change_nothing()
    {
        var state = Fold([.. Created, new VerdictRecorded(Guid.NewGuid(), Verdict.No, null, null)]);
        state.Areas.Single().Verdict.ShouldBeNull();
    }

    [Fact]
    public void snapshot_labels_are_remembered()
    {
        Fold([.. Created, new SnapshotTaken("phase-1")]).SnapshotLabels.ShouldBe(["phase-1"]);
    }
}
