using System.Text.Json;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Assessments;

public sealed class AssessmentCopyTests
{
    private static readonly Guid Study = Guid.NewGuid();
    private static readonly Guid Payroll = Guid.NewGuid();
    private static readonly Guid Fleet = Guid.NewGuid();
    private static readonly Guid Printing = Guid.NewGuid();
    private static readonly (Guid A, Guid B) Reviewers = (Guid.NewGuid(), Guid.NewGuid());

    private static Assessment FoldAll(Assessment state, IEnumerable<IAssessmentEvent> events)
    {
        foreach (var e in events)
        {
            state.Evolve(e);
        }

        return state;
    }

    /// <summary>A state with every part Apply writes to filled in.</summary>
    private static Assessment Populated() => FoldAll(new Assessment(), [
        new AssessmentCreated(Study, "Study", AssessmentRubric.Default, new GovernmentNames("City of Milwaukee", "Milwaukee County")),
        new FunctionalAreaAdded(Payroll, "Payroll"),
        new FunctionalAreaAdded(Fleet, "Fleet"),
        new FunctionalAreaAdded(Printing, "Printing"),
        new FactorRated(Payroll, Factor.Similarity, 3, null, Reviewers.A, Org.City),
        new FactorRated(Payroll, Factor.Similarity, 1, null, Reviewers.B, Org.County),
        new JointRatingRecorded(Payroll, Factor.Similarity, 2, null),
        new VerdictRecorded(Fleet, Verdict.Maybe, "Study the garages", null),
        new AreaPrioritized(Fleet, "Garages", null),
        new FunctionalAreaRetired(Printing, null),
        new PhaseStarted("I", "Phase I", null),
        new SnapshotTaken("Workshop 1"),
        new DecisionModelSet(new Dictionary<Factor, double> { [Factor.Similarity] = 2 }, 2.5, 1.5, null)
    ]);

    /// <summary>Every kind of change, each to a part the populated state already has.</summary>
    private static IAssessmentEvent[] Changes() =>
    [
        new FunctionalAreaRenamed(Payroll, "Payroll and benefits", null),
        new FunctionalAreasReordered([Fleet, Payroll]),
        new FactorRated(Payroll, Factor.Similarity, 4, null, Reviewers.A, Org.City),
        new RatingRetracted(Payroll, Factor.Similarity, Reviewers.B, Org.County, Guid.NewGuid(), null),
        new JointRatingRecorded(Payroll, Factor.Similarity, 4, null),
        new VerdictWithdrawn(Fleet, null),
        new AreaDeprioritized(Fleet, null),
        new FunctionalAreaRetired(Fleet, null),
        new PhasePaused("I", null),
        new SnapshotTaken("Workshop 2"),
        new DecisionModelSet(new Dictionary<Factor, double> { [Factor.Similarity] = 1 }, 3, 2, null)
    ];

    private static string Json(Assessment state) => JsonSerializer.Serialize(state);

    [Fact]
    public void a_copy_holds_the_same_state()
    {
        var original = Populated();

        Json(original.Copy()).ShouldBe(Json(original));
    }

    [Fact]
    public void folding_the_copy_forward_leaves_the_original_as_it_was()
    {
        var original = Populated();
        var before = Json(original);

        var folded = FoldAll(original.Copy(), Changes());

        Json(original).ShouldBe(before);
        Json(folded).ShouldBe(Json(FoldAll(Populated(), Changes())));
        Json(folded).ShouldNotBe(before);
    }
}
