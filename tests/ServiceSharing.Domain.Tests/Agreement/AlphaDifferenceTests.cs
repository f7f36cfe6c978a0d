using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class AlphaDifferenceTests
{
    private const double Tolerance = 1e-9;

    private static readonly CoincidenceMatrix ExampleC =
        CoincidenceMatrix.FromUnits(ReliabilityDataExamples.Krippendorff2011ExampleC);

    // Krippendorff (2011) ordinal metric, delta^2_ck = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, worked
    // by hand from example C's marginals n = 9, 13, 10, 5, 3 (see CoincidenceMatrixTests):
    //   (1,2): (9 + 13 - 11)^2 = 11^2 = 121
    //   (1,3): (9 + 13 + 10 - 9.5)^2 = 22.5^2 = 506.25
    //   (2,4): (13 + 10 + 5 - 9)^2 = 19^2 = 361
    //   (4,5): (5 + 3 - 4)^2 = 4^2 = 16
    [Theory]
    [InlineData(1, 2, 121)]
    [InlineData(2, 1, 121)]
    [InlineData(1, 3, 506.25)]
    [InlineData(2, 4, 361)]
    [InlineData(4, 5, 16)]
    [InlineData(3, 3, 0)]
    public void Krippendorff2011_ordinal_differences_use_marginal_frequencies(double c, double k, double expected) =>
        AlphaDifference.Squared(AlphaMetric.Ordinal, ExampleC, c, k).ShouldBe(expected, Tolerance);

    [Theory]
    [InlineData(AlphaMetric.Nominal, 1, 5, 1)]
    [InlineData(AlphaMetric.Nominal, 2, 2, 0)]
    [InlineData(AlphaMetric.Interval, 1, 4, 9)]
    [InlineData(AlphaMetric.Interval, 5, 3, 4)]
    [InlineData(AlphaMetric.Ratio, 1, 3, 0.25)]
    [InlineData(AlphaMetric.Ratio, 4, 4, 0)]
    public void Krippendorff2011_nominal_interval_and_ratio_differences(AlphaMetric metric, double c, double k, double expected) =>
        AlphaDifference.Squared(metric, ExampleC, c, k).ShouldBe(expected, Tolerance);

    [Fact]
    public void Ratio_difference_between_two_zeros_is_zero()
    {
        var matrix = CoincidenceMatrix.FromUnits([[0, 0], [0, 2]]);

        AlphaDifference.Squared(AlphaMetric.Ratio, matrix, 0, 0).ShouldBe(0);
        AlphaDifference.Squared(AlphaMetric.Ratio, matrix, 0, 2).ShouldBe(1);
    }

    [Fact]
    public void A_value_that_does_not_occur_has_no_difference() =>
        Should.Throw<ArgumentException>(() => AlphaDifference.Squared(AlphaMetric.Ordinal, ExampleC, 0, 1));
}
