using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class InterquartileRangeTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void Interquartile_range_of_the_QUARTILE_INC_example_data()
    {
        // Data 1 2 4 7 8 9 10 12 (Microsoft's QUARTILE.INC example): Q1 = 3.5 as published;
        // Q3 by hand with definition 7: h = 7 x 0.75 = 5.25, 9 + 0.25 x (10 - 9) = 9.25.
        // IQR = 9.25 - 3.5 = 5.75
        InterquartileRange.Of([1, 2, 4, 7, 8, 9, 10, 12]).Value.ShouldNotBeNull().ShouldBe(5.75, Exact);
    }

    [Fact]
    public void Interquartile_range_of_a_small_panel_on_the_0_to_4_scale()
    {
        // Sorted 1 2 2 3 4: Q1 at h = 1 is 2, Q3 at h = 3 is 3, IQR = 1.
        InterquartileRange.Of([3, 1, 4, 2, 2]).Value.ShouldBe(1);
    }

    [Fact]
    public void Interquartile_range_may_be_a_quarter_step()
    {
        // Sorted 0 1 3 4: Q1 at h = 0.75 is 0.75, Q3 at h = 2.25 is 3.25, IQR = 2.5.
        InterquartileRange.Of([0, 4, 1, 3]).Value.ShouldNotBeNull().ShouldBe(2.5, Exact);
    }

    [Fact]
    public void One_rating_has_no_spread() =>
        InterquartileRange.Of([null, 3]).Value.ShouldBe(0);

    [Fact]
    public void No_ratings_is_undefined_with_a_reason()
    {
        var range = InterquartileRange.Of([null]);

        range.Value.ShouldBeNull();
        range.Reason.ShouldBe(UndefinedReasons.NoRatings);
    }
}
