using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Decisions;

public sealed class VerdictSensitivityTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void a_yes_at_2_75_flips_by_lowering_similaritys_weight_below_a_third_or_its_rating_by_two()
    {
        // Default model, joints 4 3 2 2: score 11 / 4 = 2.75, Yes.
        // Similarity's weight w: S(w) = (7 + 4w) / (3 + w) = 2.5 at w = 1/3; below it, Maybe.
        // Challenges' weight w: S(w) = (9 + 2w) / (3 + w) = 2.5 at w = 3; above it, Maybe (same for centralization).
        // Efficiencies' weight moves S between 8/3 and 3: always Yes.
        // Ratings: one step down anywhere gives 10/4 = 2.5, still Yes; two steps give 9/4 = 2.25, Maybe.
        var sensitivity = VerdictSensitivity.Of(DecisionModel.Default, Joints.Of(4, 3, 2, 2));

        sensitivity.Suggestion.Verdict.ShouldBe(Verdict.Yes);
        var weight = sensitivity.SmallestWeightChange.ShouldNotBeNull();
        weight.Factor.ShouldBe(Factor.Similarity);
        weight.From.ShouldBe(1);
        weight.To.ShouldBe(1.0 / 3, Exact);
        weight.FlipsAtTo.ShouldBeFalse();
        weight.NewVerdict.ShouldBe(Verdict.Maybe);
        weight.Describe().ShouldBe("a weight below 0.333 for similarity (now 1) suggests Maybe");

        var challenges = sensitivity.ByFactor.Single(f => f.Factor == Factor.Challenges);
        challenges.WeightUp!.To.ShouldBe(3, Exact);
        challenges.WeightUp.NewVerdict.ShouldBe(Verdict.Maybe);
        challenges.WeightDown.ShouldBeNull();
        var efficiencies = sensitivity.ByFactor.Single(f => f.Factor == Factor.Efficiencies);
        (efficiencies.WeightUp, efficiencies.WeightDown).ShouldBe((null, null));
        efficiencies.WeightReason.ShouldBe(DecisionReasons.NoWeightFlips);

        sensitivity.SmallestRatingChange.ShouldBe(new RatingFlip(Factor.Similarity, 4, 2, Verdict.Maybe));
        sensitivity.ByFactor.Select(f => f.RatingDown!.Change).ShouldBe([-2, -2, -2, -2]);
        sensitivity.ByFactor.ShouldAllBe(f => f.RatingUp == null, "Yes is the top verdict");
    }

    [Fact]
    public void a_maybe_at_2_flips_to_yes_at_a_weight_it_reaches_exactly_and_ties_go_to_the_first_factor()
    {
        // Default model, joints 4 2 2 0: score 8 / 4 = 2, Maybe.
        // Centralization's weight w: S(w) = 8 / (3 + w). S = 2.5 at w = 0.2, and at 0.2 it is Yes already;
        // S = 1.5 at w = 7/3, below 1.5 (above that weight) it is No.
        // Similarity's weight w: S(w) = (4 + 4w) / (3 + w) = 2.5 at w = 7/3 (Yes from there) and 1.5 at w = 0.2
        // (No below it): the same change of -0.8 as centralization's, and similarity comes first.
        // Ratings: efficiencies 2 -> 4 gives 10/4 = 2.5 (Yes), one step gives 2.25; similarity needs 4 -> 1 for No (1.25).
        var sensitivity = VerdictSensitivity.Of(DecisionModel.Default, Joints.Of(4, 2, 2, 0));

        sensitivity.Suggestion.Score.ShouldBe(2);
        sensitivity.Suggestion.Verdict.ShouldBe(Verdict.Maybe);
        var weight = sensitivity.SmallestWeightChange.ShouldNotBeNull();
        (weight.Factor, weight.NewVerdict, weight.FlipsAtTo).ShouldBe((Factor.Similarity, Verdict.No, false));
        weight.To.ShouldBe(0.2, Exact);
        weight.Describe().ShouldBe("a weight below 0.2 for similarity (now 1) suggests No");

        var centralization = sensitivity.ByFactor.Single(f => f.Factor == Factor.Centralization);
        var down = centralization.WeightDown.ShouldNotBeNull();
        (down.NewVerdict, down.FlipsAtTo).ShouldBe((Verdict.Yes, true));
        down.To.ShouldBe(0.2, Exact);
        down.Change.ShouldBe(-0.8, Exact);
        down.Describe().ShouldBe("a weight of 0.2 or less for centralization (now 1) suggests Yes");
        centralization.WeightUp!.To.ShouldBe(7.0 / 3, Exact);
        (centralization.WeightUp.NewVerdict, centralization.WeightUp.FlipsAtTo).ShouldBe((Verdict.No, false));
        var similarity = sensitivity.ByFactor.Single(f => f.Factor == Factor.Similarity);
        similarity.WeightUp!.To.ShouldBe(7.0 / 3, Exact);
        (similarity.WeightUp.NewVerdict, similarity.WeightUp.FlipsAtTo).ShouldBe((Verdict.Yes, true));

        sensitivity.SmallestRatingChange.ShouldBe(new RatingFlip(Factor.Efficiencies, 2, 4, Verdict.Yes));
        similarity.RatingDown.ShouldBe(new RatingFlip(Factor.Similarity, 4, 1, Verdict.No));
        sensitivity.SmallestRatingChange!.Describe().ShouldBe("a joint rating of 4 for efficiencies (now 2) suggests Yes");
    }

    [Fact]
    public void an_area_sitting_exactly_on_a_threshold_flips_with_any_move_away_from_it()
    {
        // Joints 3 3 2 2: 10 / 4 = 2.5, Yes by a hair. Similarity's weight below 1 gives (7 + 3w) / (3 + w) < 2.5.
        var sensitivity = VerdictSensitivity.Of(DecisionModel.Default, Joints.Of(3, 3, 2, 2));

        var weight = sensitivity.SmallestWeightChange.ShouldNotBeNull();
        (weight.Factor, weight.From, weight.FlipsAtTo, weight.NewVerdict).ShouldBe((Factor.Similarity, 1.0, false, Verdict.Maybe));
        weight.Change.ShouldBe(0, Exact);
        sensitivity.SmallestRatingChange.ShouldBe(new RatingFlip(Factor.Similarity, 3, 2, Verdict.Maybe));
    }

    [Fact]
    public void the_only_weighted_factor_flips_by_rating_only_and_unweighted_factors_by_nothing()
    {
        var model = Joints.Model(1, 0, 0, 0, yes: 2.5, maybe: 1.5);

        var sensitivity = VerdictSensitivity.Of(model, Joints.Of(3, null, 1, null));

        sensitivity.Suggestion.Verdict.ShouldBe(Verdict.Yes);
        var byFactor = sensitivity.ByFactor.ToDictionary(f => f.Factor);
        byFactor[Factor.Similarity].WeightReason.ShouldBe(DecisionReasons.OnlyWeightedFactor);
        byFactor[Factor.Efficiencies].WeightReason.ShouldBe(DecisionReasons.NotRatedJointly);
        byFactor[Factor.Efficiencies].RatingReason.ShouldBe(DecisionReasons.WeighsNothing);
        // Challenges is rated 1: any weight w > 0 gives (3 + w) / (1 + w), below 2.5 from w = 1/3 on.
        byFactor[Factor.Challenges].WeightUp!.To.ShouldBe(1.0 / 3, Exact);
        sensitivity.SmallestRatingChange.ShouldBe(new RatingFlip(Factor.Similarity, 3, 2, Verdict.Maybe));
    }

    [Fact]
    public void without_a_suggestion_nothing_flips_and_the_reason_says_why()
    {
        var sensitivity = VerdictSensitivity.Of(DecisionModel.Default, Joints.Of(3, 3, null, 2));

        sensitivity.SmallestWeightChange.ShouldBeNull();
        sensitivity.SmallestRatingChange.ShouldBeNull();
        sensitivity.WeightReason.ShouldBe(DecisionReasons.NothingToFlip(DecisionReasons.MissingJointRatings([Factor.Challenges])));
        sensitivity.RatingReason.ShouldBe(sensitivity.WeightReason);
    }

    [Fact]
    public void when_nothing_single_flips_the_verdict_the_area_says_so()
    {
        // Every joint rating 4 with yes at 0: every score is Yes.
        var sensitivity = VerdictSensitivity.Of(Joints.Model(1, 1, 1, 1, yes: 0, maybe: 0), Joints.Of(4, 4, 4, 4));

        sensitivity.SmallestWeightChange.ShouldBeNull();
        sensitivity.WeightReason.ShouldBe(DecisionReasons.NoSingleWeightFlips);
        sensitivity.SmallestRatingChange.ShouldBeNull();
        sensitivity.RatingReason.ShouldBe(DecisionReasons.NoSingleRatingFlips);
    }

    public static TheoryData<double, double, double, double, double, double> Models => new()
    {
        { 1, 1, 1, 1, 2.5, 1.5 },
        { 2, 1, 0.5, 0, 3, 2 },
        { 1, 3, 1, 1, 2, 2 },      // equal thresholds: no Maybe band
        { 0.1, 0.2, 0.3, 0.4, 2.6, 1.3 }
    };

    /// <summary>
    /// Checks every combination of joint ratings against the model itself: at (or just beyond) each reported
    /// boundary the verdict is the reported one, strictly between the current weight and it the verdict is
    /// unchanged, and where no flip is reported no weight of that direction changes it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void every_reported_flip_is_where_the_verdict_really_changes_and_nothing_nearer_changes_it(
        double similarity, double efficiencies, double challenges, double centralization, double yes, double maybe)
    {
        var model = Joints.Model(similarity, efficiencies, challenges, centralization, yes, maybe);
        var checkedFlips = 0;
        foreach (var joints in AllJointRatings())
        {
            var sensitivity = VerdictSensitivity.Of(model, joints);
            var current = sensitivity.Suggestion.Verdict!.Value;
            foreach (var factor in sensitivity.ByFactor)
            {
                Verdict VerdictAtWeight(double w) => AreaScoring.Suggest(WithWeight(model, factor.Factor, w), joints).Verdict!.Value;
                if (factor.Weight > 0 || joints[factor.Factor] is not null)
                {
                    checkedFlips += CheckWeightDirection(factor.WeightUp, factor.Weight, DecisionModel.MaxWeight, current, VerdictAtWeight);
                    checkedFlips += CheckWeightDirection(factor.WeightDown, factor.Weight, 0, current, VerdictAtWeight);
                }

                if (factor.RatingUp is { } up)
                {
                    AreaScoring.Suggest(model, WithJoint(joints, factor.Factor, up.To)).Verdict.ShouldBe(up.NewVerdict);
                    AreaScoring.Suggest(model, WithJoint(joints, factor.Factor, up.To - 1)).Verdict.ShouldBe(current);
                }

                if (factor.RatingDown is { } down)
                {
                    AreaScoring.Suggest(model, WithJoint(joints, factor.Factor, down.To)).Verdict.ShouldBe(down.NewVerdict);
                    AreaScoring.Suggest(model, WithJoint(joints, factor.Factor, down.To + 1)).Verdict.ShouldBe(current);
                }
            }

            var smallest = sensitivity.ByFactor.SelectMany(f => new[] { f.WeightUp, f.WeightDown }).OfType<WeightFlip>()
                .Select(f => Math.Abs(f.Change)).DefaultIfEmpty(double.NaN).Min();
            if (sensitivity.SmallestWeightChange is { } smallestWeight)
            {
                Math.Abs(smallestWeight.Change).ShouldBe(smallest);
            }
        }

        checkedFlips.ShouldBeGreaterThan(100, "the grid must exercise real flips");
    }

    private static int CheckWeightDirection(WeightFlip? flip, double from, double end, Verdict current, Func<double, Verdict> verdictAt)
    {
        const double Nudge = 1e-6;
        var direction = Math.Sign(end - from);
        if (direction == 0)
        {
            flip.ShouldBeNull();
            return 0;
        }

        if (flip is null)
        {
            foreach (var w in Between(from, end, includeEnd: true))
            {
                verdictAt(w).ShouldBe(current, $"no flip was reported between weight {from} and {end}, yet weight {w} changes it");
            }

            return 0;
        }

        if (flip.FlipsAtTo)
        {
            verdictAt(flip.To).ShouldBe(flip.NewVerdict);
        }
        else
        {
            verdictAt(flip.To).ShouldBe(current);
            verdictAt(flip.To + direction * Nudge).ShouldBe(flip.NewVerdict);
        }

        foreach (var w in Between(from, flip.To, includeEnd: false).Where(w => Math.Abs(w - flip.To) > Nudge))
        {
            verdictAt(w).ShouldBe(current, $"weight {w} lies nearer than the reported boundary {flip.To}");
        }

        return 1;
    }

    private static IEnumerable<double> Between(double from, double to, bool includeEnd)
    {
        const int Steps = 40;
        for (var i = 1; i < Steps; i++)
        {
            yield return from + (to - from) * i / Steps;
        }

        if (includeEnd)
        {
            yield return to;
        }
    }

    private static IEnumerable<IReadOnlyDictionary<Factor, int?>> AllJointRatings()
    {
        for (var code = 0; code < 625; code++)
        {
            yield return Joints.Of(code % 5, code / 5 % 5, code / 25 % 5, code / 125 % 5);
        }
    }

    private static DecisionModel WithWeight(DecisionModel model, Factor factor, double weight) =>
        model with { Weights = Enum.GetValues<Factor>().ToDictionary(f => f, f => f == factor ? weight : model.WeightOf(f)) };

    private static IReadOnlyDictionary<Factor, int?> WithJoint(IReadOnlyDictionary<Factor, int?> joints, Factor factor, int score) =>
        joints.ToDictionary(p => p.Key, p => p.Key == factor ? score : p.Value);
}
