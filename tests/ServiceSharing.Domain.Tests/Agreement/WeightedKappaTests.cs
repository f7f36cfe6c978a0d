using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class WeightedKappaTests
{
    private const double Exact = 1e-12;

    // Cohen (1968), "Weighted kappa", Psychological Bulletin 70(4), Table 1: two judges assign 200
    // cases to personality disorder (0), neurosis (1), psychosis (2); proportions .44 .07 .09 /
    // .05 .20 .05 / .01 .03 .06 with rows for one judge and columns for the other.
    private static readonly int[,] Cohen1968Table1 = { { 88, 14, 18 }, { 10, 40, 10 }, { 2, 6, 12 } };

    // Fleiss, Cohen & Everitt (1969), "Large sample standard errors of kappa and weighted kappa",
    // Psychological Bulletin 72(5), worked example: the same three diagnoses for 200 cases.
    private static readonly int[,] FleissCohenEveritt1969Table = { { 106, 10, 4 }, { 22, 28, 10 }, { 2, 12, 6 } };

    [Fact]
    public void Cohen1968_Table1_unweighted_kappa_is_0_492()
    {
        // p_o = .70, p_c = .6 x .5 + .3 x .3 + .1 x .2 = .41, kappa = .29 / .59 = 0.4915
        var kappa = WeightedKappa.Compute(Pairs(Cohen1968Table1), KappaWeighting.Unweighted);

        Math.Round(kappa.Value.ShouldNotBeNull(), 3).ShouldBe(0.492);
    }

    [Fact]
    public void Cohen1968_Table1_weighted_kappa_with_his_weights_1_3_6_is_0_348()
    {
        // Cohen's ratio-scaled disagreement weights: 1 for personality disorder vs neurosis,
        // 3 for personality disorder vs psychosis, 6 for neurosis vs psychosis.
        // sum v p_o = .90, sum v p_c = 1.38, kappa_w = 1 - .90 / 1.38 = 0.3478
        var weights = Matrix3(row0: [0, 1, 3], row1: [1, 0, 6], row2: [3, 6, 0]);

        var kappa = WeightedKappa.Compute(Pairs(Cohen1968Table1), weights);

        Math.Round(kappa.Value.ShouldNotBeNull(), 3).ShouldBe(0.348);
        kappa.Value.Value.ShouldBe(1 - 0.90 / 1.38, 1e-9);
    }

    [Fact]
    public void Cohen1968_Table1_weighted_kappa_with_his_asymmetric_weights_is_0_353()
    {
        // Cohen's asymmetric example (the row judge's value first): sum v p_o = .86,
        // sum v p_c = 1.33, kappa_w = 1 - .86 / 1.33 = 0.3534. These Cohen (1968) values are also
        // the ones quoted in the R psych package's cohen.kappa examples.
        var weights = Matrix3(row0: [0, 1, 4], row1: [1, 0, 6], row2: [2, 2, 0]);

        var kappa = WeightedKappa.Compute(Pairs(Cohen1968Table1), weights);

        Math.Round(kappa.Value.ShouldNotBeNull(), 3).ShouldBe(0.353);
    }

    [Fact]
    public void FleissCohenEveritt1969_unweighted_kappa_is_0_429()
    {
        // Recomputed by hand: p_o = 140/200 = .70, margins .60 .30 .10 and .65 .25 .10,
        // p_c = .39 + .075 + .01 = .475, kappa = .225 / .525 = 0.4286
        var kappa = WeightedKappa.Compute(Pairs(FleissCohenEveritt1969Table), KappaWeighting.Unweighted);

        Math.Round(kappa.Value.ShouldNotBeNull(), 3).ShouldBe(0.429);
    }

    [Fact]
    public void FleissCohenEveritt1969_weighted_kappa_is_0_507()
    {
        // Their agreement weights: 1 on the diagonal, 0 for categories 0-1, 4/9 for 0-2, 2/3 for
        // 1-2; disagreement weight v = 1 - w. Recomputed by hand: weighted p_o = .78667,
        // weighted p_c = .56722, kappa_w = (.78667 - .56722) / (1 - .56722) = 0.5071
        var weights = Matrix3(row0: [0, 1, 5.0 / 9], row1: [1, 0, 1.0 / 3], row2: [5.0 / 9, 1.0 / 3, 0]);

        var kappa = WeightedKappa.Compute(Pairs(FleissCohenEveritt1969Table), weights);

        Math.Round(kappa.Value.ShouldNotBeNull(), 3).ShouldBe(0.507);
    }

    [Fact]
    public void Quadratic_kappa_of_a_hand_checkable_example_is_10_over_11()
    {
        // First 0 1 2 3 4, second 0 2 2 4 4. D_o = (0 + 1 + 0 + 1 + 0) / 5 = 0.4.
        // D_e = (1/25) sum_i sum_j (x_i - y_j)^2 = (5 x 30 - 2 x 10 x 12 + 5 x 40) / 25 = 110/25 = 4.4.
        // kappa_w = 1 - 0.4 / 4.4 = 10/11
        var kappa = WeightedKappa.Compute(HandExample, KappaWeighting.Quadratic);

        kappa.Value.ShouldNotBeNull().ShouldBe(10.0 / 11, Exact);
    }

    [Fact]
    public void Linear_kappa_of_a_hand_checkable_example_is_16_over_21()
    {
        // D_o = 0.4; sum_i sum_j |x_i - y_j| = 12 + 9 + 6 + 7 + 8 = 42, D_e = 42/25 = 1.68.
        // kappa_w = 1 - 0.4 / 1.68 = 16/21
        var kappa = WeightedKappa.Compute(HandExample, KappaWeighting.Linear);

        kappa.Value.ShouldNotBeNull().ShouldBe(16.0 / 21, Exact);
    }

    [Fact]
    public void Half_steps_from_medians_are_used_as_they_are()
    {
        // First 2.5 1 4 0, second 2 1.5 4 0.5. D_o = (.25 + .25 + 0 + .25) / 4 = 0.1875.
        // sum sum (x_i - y_j)^2 = 4 x 23.25 - 2 x 7.5 x 8 + 4 x 22.5 = 63, D_e = 63/16.
        // kappa_w = 1 - 0.1875 / 3.9375 = 20/21
        RatingPair[] pairs = [new(2.5, 2), new(1, 1.5), new(4, 4), new(0, 0.5)];

        var kappa = WeightedKappa.Compute(pairs, KappaWeighting.Quadratic);

        kappa.Value.ShouldNotBeNull().ShouldBe(20.0 / 21, Exact);
    }

    [Fact]
    public void FleissCohen1973_quadratic_kappa_equals_the_two_way_anova_form()
    {
        // Fleiss & Cohen (1973) show quadratic-weighted kappa is an intraclass correlation. Exactly,
        // with units as rows and the two raters as columns of a two-way ANOVA:
        //   kappa_w = (SS_units - SS_error) / (SS_units + SS_error + 2 SS_raters),
        // because 1 - D_o/D_e = 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2) with divisor n.
        // Checked on pseudo-random half-step data, which the identity covers as well as integers.
        var random = new Random(20240611);
        var pairs = Enumerable.Range(0, 40)
            .Select(_ => new RatingPair(random.Next(0, 9) / 2.0, random.Next(0, 9) / 2.0))
            .ToArray();

        var kappa = WeightedKappa.Compute(pairs, KappaWeighting.Quadratic);

        kappa.Value.ShouldNotBeNull().ShouldBe(AnovaForm(pairs), 1e-10);
    }

    [Fact]
    public void Quadratic_weights_on_values_equal_Fleiss_Cohen_weights_on_categories_0_to_4()
    {
        // Fleiss-Cohen agreement weights w_ij = 1 - (i - j)^2 / (5 - 1)^2 on the 5 x 5 table,
        // kappa_w = (p_o(w) - p_c(w)) / (1 - p_c(w)), computed independently of WeightedKappa.
        // Category 1 is never used by the second rater, which must not matter.
        RatingPair[] pairs = [new(0, 0), new(1, 0), new(1, 2), new(2, 2), new(3, 2), new(3, 4), new(4, 4), new(4, 3), new(2, 3)];
        var table = new double[5, 5];
        foreach (var pair in pairs)
        {
            table[(int)pair.First!.Value, (int)pair.Second!.Value] += 1.0 / pairs.Length;
        }

        var kappa = WeightedKappa.Compute(pairs, KappaWeighting.Quadratic);

        kappa.Value.ShouldNotBeNull().ShouldBe(FleissCohenWeightedKappa(table), 1e-12);
    }

    [Fact]
    public void One_constant_rater_gives_zero_quadratic_kappa()
    {
        // First always 2, second 1 2 3: D_o = 2/3, D_e = (1 + 0 + 1) / 3 = 2/3, kappa_w = 0.
        RatingPair[] pairs = [new(2, 1), new(2, 2), new(2, 3)];

        WeightedKappa.Compute(pairs, KappaWeighting.Quadratic).Value.ShouldNotBeNull().ShouldBe(0, Exact);
    }

    [Fact]
    public void Pairs_missing_either_value_are_left_out()
    {
        var withGaps = HandExample.Concat([new RatingPair(null, 3), new RatingPair(2, null), new RatingPair(null, null)]).ToArray();

        WeightedKappa.Compute(withGaps, KappaWeighting.Quadratic)
            .ShouldBe(WeightedKappa.Compute(HandExample, KappaWeighting.Quadratic));
    }

    [Fact]
    public void Swapping_the_raters_does_not_change_quadratic_kappa()
    {
        var swapped = HandExample.Select(pair => new RatingPair(pair.Second, pair.First)).ToArray();

        WeightedKappa.Compute(swapped, KappaWeighting.Quadratic).Value.ShouldNotBeNull()
            .ShouldBe(10.0 / 11, Exact);
    }

    [Fact]
    public void Fewer_than_two_complete_pairs_is_undefined_with_a_reason()
    {
        RatingPair[] pairs = [new(3, 3), new(null, 2), new(1, null)];

        var kappa = WeightedKappa.Compute(pairs, KappaWeighting.Quadratic);

        kappa.Value.ShouldBeNull();
        kappa.Reason.ShouldBe(UndefinedReasons.FewerThanTwoRatedPairs);
    }

    [Fact]
    public void No_pairs_is_undefined_with_a_reason() =>
        WeightedKappa.Compute([], KappaWeighting.Quadratic).Reason.ShouldBe(UndefinedReasons.FewerThanTwoRatedPairs);

    [Theory]
    [InlineData("quadratic")]
    [InlineData("linear")]
    [InlineData("unweighted")]
    public void No_variation_is_undefined_rather_than_NaN(string weightingName)
    {
        var weighting = new[] { KappaWeighting.Quadratic, KappaWeighting.Linear, KappaWeighting.Unweighted }
            .Single(w => w.Name == weightingName);
        RatingPair[] pairs = [new(3, 3), new(3, 3), new(3, 3)];

        var kappa = WeightedKappa.Compute(pairs, weighting);

        kappa.Value.ShouldBeNull();
        kappa.Reason.ShouldBe(UndefinedReasons.NoVariationKappa);
    }

    [Fact]
    public void Custom_weights_without_expected_disagreement_are_undefined_with_a_reason()
    {
        var indifferent = KappaWeighting.FromDisagreement("indifferent", (_, _) => 0);
        RatingPair[] pairs = [new(1, 3), new(2, 2)];

        WeightedKappa.Compute(pairs, indifferent).Reason.ShouldBe(UndefinedReasons.NoExpectedDisagreement);
    }

    [Fact]
    public void An_infinite_rating_is_invalid_input() =>
        Should.Throw<ArgumentException>(() =>
            WeightedKappa.Compute([new RatingPair(1, double.PositiveInfinity), new RatingPair(2, 2)], KappaWeighting.Quadratic));

    private static readonly RatingPair[] HandExample = [new(0, 0), new(1, 2), new(2, 2), new(3, 4), new(4, 4)];

    private static RatingPair[] Pairs(int[,] table)
    {
        var pairs = new List<RatingPair>();
        for (var row = 0; row < table.GetLength(0); row++)
        {
            for (var column = 0; column < table.GetLength(1); column++)
            {
                pairs.AddRange(Enumerable.Repeat(new RatingPair(row, column), table[row, column]));
            }
        }

        return [.. pairs];
    }

    private static KappaWeighting Matrix3(double[] row0, double[] row1, double[] row2)
    {
        double[][] rows = [row0, row1, row2];
        return KappaWeighting.FromDisagreement("table", (first, second) => rows[(int)first][(int)second]);
    }

    private static double AnovaForm(RatingPair[] pairs)
    {
        var x = pairs.Select(pair => pair.First!.Value).ToArray();
        var y = pairs.Select(pair => pair.Second!.Value).ToArray();
        var grandMean = (x.Average() + y.Average()) / 2;
        var ssUnits = x.Zip(y, (a, b) => 2 * Math.Pow((a + b) / 2 - grandMean, 2)).Sum();
        var ssRaters = x.Length * (Math.Pow(x.Average() - grandMean, 2) + Math.Pow(y.Average() - grandMean, 2));
        var ssTotal = x.Concat(y).Sum(value => Math.Pow(value - grandMean, 2));
        var ssError = ssTotal - ssUnits - ssRaters;
        return (ssUnits - ssError) / (ssUnits + ssError + 2 * ssRaters);
    }

    private static double FleissCohenWeightedKappa(double[,] proportions)
    {
        var size = proportions.GetLength(0);
        var rowMargins = new double[size];
        var columnMargins = new double[size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                rowMargins[i] += proportions[i, j];
                columnMargins[j] += proportions[i, j];
            }
        }

        double observed = 0, chance = 0;
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                var weight = 1 - Math.Pow(i - j, 2) / Math.Pow(size - 1, 2);
                observed += weight * proportions[i, j];
                chance += weight * rowMargins[i] * columnMargins[j];
            }
        }

        return (observed - chance) / (1 - chance);
    }
}
