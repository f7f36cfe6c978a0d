using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class KrippendorffAlphaTests
{
    private const double Exact = 1e-12;

    // Expected values: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C
    // (4 observers x 12 units, missing data) and the same data under the ordinal, interval and ratio
    // metrics: alpha = .743, .815, .849 and .797. The paper's text was not at hand here; the four
    // printed values are the ones the example is quoted with by independent implementations'
    // test suites (Perl Statistics::Krippendorff, Python krippendorff), and each is recomputed by
    // hand below from the coincidence matrix in CoincidenceMatrixTests (n.. = 40, so n.. - 1 = 39):
    //   alpha = 1 - (n.. - 1) * sum_ck o_ck d_ck / sum_ck n_c n_k d_ck   (sums over all ordered c, k)
    [Fact]
    public void Krippendorff2011_ExampleC_nominal_alpha_is_0_743()
    {
        // sum o_ck over c != k = 8 (twice 4/3 + 1/3 + 1/3 + 4/3 + 1/3 + 1/3);
        // sum n_c n_k over c != k = 40^2 - (81 + 169 + 100 + 25 + 9) = 1216.
        // alpha = 1 - 39 * 8 / 1216 = 113/152 = 0.74342
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Nominal);

        var value = alpha.Value.ShouldNotBeNull();
        Math.Round(value, 3).ShouldBe(0.743);
        value.ShouldBe(113.0 / 152, Exact);
    }

    [Fact]
    public void Krippendorff2011_ExampleC_ordinal_alpha_is_0_815()
    {
        // With the ordinal differences of AlphaDifferenceTests (121, 506.25, 900, 1156, 132.25,
        // 361, 529, 56.25, 132.25, 16 for pairs 12, 13, 14, 15, 23, 24, 25, 34, 35, 45):
        // sum o_ck d_ck = 1891, sum n_c n_k d_ck = 399480,
        // alpha = 1 - 39 * 1891 / 399480 = 1 - 73749 / 399480 = 0.81539
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Ordinal);

        var value = alpha.Value.ShouldNotBeNull();
        Math.Round(value, 3).ShouldBe(0.815);
        value.ShouldBe(1 - 73749.0 / 399480, Exact);
    }

    [Fact]
    public void Krippendorff2011_ExampleC_interval_alpha_is_0_849()
    {
        // d_ck = (c - k)^2: sum o_ck d_ck = 52/3, sum n_c n_k d_ck = 4480,
        // alpha = 1 - 39 * (52/3) / 4480 = 1 - 676 / 4480 = 0.84911
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Interval);

        var value = alpha.Value.ShouldNotBeNull();
        Math.Round(value, 3).ShouldBe(0.849);
        value.ShouldBe(1 - 676.0 / 4480, Exact);
    }

    [Fact]
    public void Krippendorff2011_ExampleC_ratio_alpha_is_0_797()
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Ratio);

        Math.Round(alpha.Value.ShouldNotBeNull(), 3).ShouldBe(0.797);
    }

    [Fact]
    public void HayesKrippendorff2007_Table1_ordinal_alpha_is_0_7598()
    {
        // Hayes & Krippendorff (2007) report ordinal alpha = .7598 for their Table 1 data
        // (5 observers, 40 units, 0-3 scale, missing data): a published ordinal value on a scale
        // like the Harvey balls, with many more missing cells than example C.
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.HayesKrippendorff2007Table1, AlphaMetric.Ordinal);

        Math.Round(alpha.Value.ShouldNotBeNull(), 4).ShouldBe(0.7598);
    }

    [Theory]
    [InlineData(AlphaMetric.Nominal, 0.691)]
    [InlineData(AlphaMetric.Interval, 0.811)]
    public void Wikipedia_computational_example_matches_its_printed_values(AlphaMetric metric, double expected)
    {
        // Wikipedia, "Krippendorff's alpha", section "A computational example": nominal .691, interval .811.
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.WikipediaComputationalExample, metric);

        Math.Round(alpha.Value.ShouldNotBeNull(), 3).ShouldBe(expected);
    }

    [Fact]
    public void Systematic_disagreement_gives_a_negative_alpha()
    {
        // Units (0,1) and (1,0): o_01 = o_10 = 2, n_0 = n_1 = 2, n.. = 4.
        // Nominal: alpha = 1 - 3 * 4 / (2 * 2 * 2) = -0.5.
        var alpha = KrippendorffAlpha.Compute([[0, 1], [1, 0]], AlphaMetric.Nominal);

        alpha.Value.ShouldNotBeNull().ShouldBe(-0.5, Exact);
    }

    [Theory]
    [InlineData(AlphaMetric.Nominal)]
    [InlineData(AlphaMetric.Ordinal)]
    [InlineData(AlphaMetric.Interval)]
    public void Perfect_agreement_with_variation_gives_one(AlphaMetric metric)
    {
        var alpha = KrippendorffAlpha.Compute([[0, 0, null], [4, 4, 4], [2, null, 2]], metric);

        alpha.Value.ShouldBe(1.0);
    }

    [Fact]
    public void Missing_ratings_and_unpairable_units_do_not_change_alpha()
    {
        var withoutUnpairableUnit = ReliabilityDataExamples.Krippendorff2011ExampleC.Take(11)
            .Append([null, null, null, null])
            .ToList();

        var withUnit12 = KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Ordinal);
        var withoutUnit12 = KrippendorffAlpha.Compute(withoutUnpairableUnit, AlphaMetric.Ordinal);

        withoutUnit12.ShouldBe(withUnit12);
    }

    [Fact]
    public void Which_rater_gave_which_value_does_not_matter()
    {
        var reordered = ReliabilityDataExamples.Krippendorff2011ExampleC
            .Select(unit => (IReadOnlyList<double?>)unit.Reverse().ToList())
            .ToList();

        KrippendorffAlpha.Compute(reordered, AlphaMetric.Ordinal).Value.ShouldNotBeNull()
            .ShouldBe(KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Ordinal).Value.ShouldNotBeNull(), Exact);
    }

    [Fact]
    public void One_rater_is_undefined_with_a_reason()
    {
        var alpha = KrippendorffAlpha.Compute([[3], [1], [4]], AlphaMetric.Ordinal);

        alpha.Value.ShouldBeNull();
        alpha.Reason.ShouldBe(UndefinedReasons.FewerThanTwoPairableRatings);
    }

    [Fact]
    public void Raters_who_never_rated_the_same_unit_are_undefined_with_a_reason()
    {
        var alpha = KrippendorffAlpha.Compute([[3, null], [null, 1]], AlphaMetric.Ordinal);

        alpha.Reason.ShouldBe(UndefinedReasons.FewerThanTwoPairableRatings);
    }

    [Fact]
    public void No_units_is_undefined_with_a_reason() =>
        KrippendorffAlpha.Compute([], AlphaMetric.Ordinal).Reason.ShouldBe(UndefinedReasons.FewerThanTwoPairableRatings);

    [Theory]
    [InlineData(AlphaMetric.Nominal)]
    [InlineData(AlphaMetric.Ordinal)]
    [InlineData(AlphaMetric.Interval)]
    [InlineData(AlphaMetric.Ratio)]
    public void No_variation_is_undefined_rather_than_NaN(AlphaMetric metric)
    {
        var alpha = KrippendorffAlpha.Compute([[2, 2], [2, 2, null], [null, 2, 2]], metric);

        alpha.Value.ShouldBeNull();
        alpha.Reason.ShouldBe(UndefinedReasons.NoVariationAlpha);
    }

    [Fact]
    public void Negative_values_are_invalid_for_the_ratio_metric() =>
        Should.Throw<ArgumentOutOfRangeException>(() => KrippendorffAlpha.Compute([[-1, 1], [1, 1]], AlphaMetric.Ratio));
}
