using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class SampleQuantileTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void HyndmanFan1996_definition_7_matches_the_published_QUARTILE_INC_example()
    {
        // Microsoft's QUARTILE.INC documentation (which implements Hyndman & Fan's definition 7):
        // data 1, 2, 4, 7, 8, 9, 10, 12 have first quartile 3.5.
        // By hand: h = (8 - 1) x 0.25 = 1.75, so x[1] + 0.75 (x[2] - x[1]) = 2 + 0.75 x 2 = 3.5.
        double?[] data = [1, 2, 4, 7, 8, 9, 10, 12];

        SampleQuantile.Of(data, 0.25).Value.ShouldNotBeNull().ShouldBe(3.5, Exact);
    }

    [Fact]
    public void HyndmanFan1996_definition_7_interpolates_between_order_statistics()
    {
        // Order does not matter: sorted 11 18 21 27 29 32 42 52, h = 1.75, 18 + 0.75 x 3 = 20.25
        // (the same value QUARTILE.INC gives for these data in spreadsheet documentation).
        double?[] data = [11, 21, 42, 27, 18, 29, 32, 52];

        SampleQuantile.Of(data, 0.25).Value.ShouldNotBeNull().ShouldBe(20.25, Exact);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 4)]
    [InlineData(0.5, 2)]
    [InlineData(0.75, 3)]
    public void Extremes_and_exact_positions_return_order_statistics(double probability, double expected)
    {
        double?[] ratings = [4, 0, 2, 3, 1];

        SampleQuantile.Of(ratings, probability).Value.ShouldBe(expected);
    }

    [Fact]
    public void Missing_ratings_are_ignored()
    {
        double?[] ratings = [null, 1, 2, null, 4, 7, 8, 9, 10, 12];

        SampleQuantile.Of(ratings, 0.25).Value.ShouldNotBeNull().ShouldBe(3.5, Exact);
    }

    [Fact]
    public void No_ratings_is_undefined_with_a_reason()
    {
        var quantile = SampleQuantile.Of([null, null], 0.25);

        quantile.Value.ShouldBeNull();
        quantile.Reason.ShouldBe(UndefinedReasons.NoRatings);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_probability_outside_zero_to_one_is_invalid(double probability) =>
        Should.Throw<ArgumentOutOfRangeException>(() => SampleQuantile.Of([1, 2], probability));
}
