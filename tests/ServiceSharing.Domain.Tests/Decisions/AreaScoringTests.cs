using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Decisions;

public sealed class AreaScoringTests
{
    [Theory]
    [InlineData(4, 3, 2, 2, 2.75, Verdict.Yes)]    // 11 / 4
    [InlineData(3, 3, 2, 2, 2.5, Verdict.Yes)]     // exactly on "yes at least 2.5"
    [InlineData(2, 2, 1, 1, 1.5, Verdict.Maybe)]   // exactly on "maybe at least 1.5"
    [InlineData(3, 2, 2, 2, 2.25, Verdict.Maybe)]
    [InlineData(1, 1, 1, 2, 1.25, Verdict.No)]
    [InlineData(0, 0, 0, 0, 0.0, Verdict.No)]
    public void the_default_model_averages_the_joint_ratings_equally_and_reads_them_as_the_nearest_ball(
        int similarity, int efficiencies, int challenges, int centralization, double score, Verdict verdict)
    {
        var suggestion = AreaScoring.Suggest(DecisionModel.Default, Joints.Of(similarity, efficiencies, challenges, centralization));

        suggestion.Score.ShouldBe(score);
        suggestion.Verdict.ShouldBe(verdict);
        suggestion.Reason.ShouldBeNull();
    }

    [Fact]
    public void weights_and_thresholds_of_the_facilitators_model_apply()
    {
        // (2 * 3 + 1 * 2 + 1 * 1 + 0 * 0) / 4 = 9 / 4 = 2.25: below yes at 3, at least maybe at 2.
        var model = Joints.Model(2, 1, 1, 0, yes: 3, maybe: 2);

        var suggestion = AreaScoring.Suggest(model, Joints.Of(3, 2, 1, 0));

        suggestion.Score.ShouldBe(2.25);
        suggestion.Verdict.ShouldBe(Verdict.Maybe);
    }

    [Fact]
    public void a_weighted_factor_without_a_joint_rating_means_no_suggestion_and_says_which()
    {
        var suggestion = AreaScoring.Suggest(DecisionModel.Default, Joints.Of(3, null, 2, null));

        suggestion.Score.ShouldBeNull();
        suggestion.Verdict.ShouldBeNull();
        suggestion.Reason.ShouldBe(DecisionReasons.MissingJointRatings([Factor.Efficiencies, Factor.Centralization]));
        suggestion.Reason.ShouldStartWith("no joint rating yet for efficiencies, centralization");
    }

    [Fact]
    public void a_factor_that_weighs_0_may_be_unrated()
    {
        // (2 * 3 + 1 * 2 + 1 * 1) / 4 = 2.25
        var suggestion = AreaScoring.Suggest(Joints.Model(2, 1, 1, 0, yes: 3, maybe: 2), Joints.Of(3, 2, 1, null));

        suggestion.Score.ShouldBe(2.25);
        suggestion.Verdict.ShouldBe(Verdict.Maybe);
    }

    [Fact]
    public void a_score_exactly_on_a_threshold_in_decimals_reaches_it_despite_binary_rounding()
    {
        // (0.1 * 1 + 0.2 * 4) / 0.3 is 3 exactly, but 2.9999999999999996 in doubles.
        var model = Joints.Model(0.1, 0.2, 0, 0, yes: 3, maybe: 2);

        var suggestion = AreaScoring.Suggest(model, Joints.Of(1, 4, null, null));

        suggestion.Score!.Value.ShouldBeLessThan(3);
        suggestion.Verdict.ShouldBe(Verdict.Yes);
    }

    [Fact]
    public void an_areas_joint_ratings_are_read_from_the_board()
    {
        var areaId = Guid.NewGuid();
        var state = new Assessment();
        state.Evolve(new AssessmentCreated(Guid.NewGuid(), "Study", AssessmentRubric.Default));
        state.Evolve(new FunctionalAreaAdded(areaId, "Payroll"));
        state.Evolve(new JointRatingRecorded(areaId, Factor.Challenges, 3, null));
        state.Evolve(new FactorRated(areaId, Factor.Similarity, 4, null, Guid.NewGuid(), Org.City));

        var joints = AreaScoring.JointRatingsOf(state.FindArea(areaId)!);

        joints.ShouldBe(Joints.Of(null, null, 3, null));
    }

    [Fact]
    public void the_decision_model_in_force_is_the_default_until_a_facilitator_sets_one()
    {
        var state = new Assessment();
        state.Evolve(new AssessmentCreated(Guid.NewGuid(), "Study", AssessmentRubric.Default));
        state.DecisionModelInForce().ShouldBeSameAs(DecisionModel.Default);

        state.Evolve(new DecisionModelSet(new Dictionary<Factor, double> { [Factor.Similarity] = 3, [Factor.Efficiencies] = 1 }, 3, 1, "cost matters less"));

        var model = state.DecisionModelInForce();
        model.WeightOf(Factor.Similarity).ShouldBe(3);
        model.WeightOf(Factor.Challenges).ShouldBe(0);
        (model.YesAtLeast, model.MaybeAtLeast).ShouldBe((3, 1));
    }
}
