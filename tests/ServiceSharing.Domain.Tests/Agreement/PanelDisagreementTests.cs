using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class PanelDisagreementTests
{
    [Fact]
    public void Fitch2001_nine_member_panel_with_three_in_each_extreme_disagrees()
    {
        // Fitch et al. (2001), RAND/UCLA Appropriateness Method User's Manual: on the 1-9 scale a
        // nine-member panel disagrees when at least three rate 1-3 and at least three rate 7-9.
        double?[] ratings = [1, 2, 3, 5, 5, 6, 7, 8, 9];

        var result = PanelDisagreement.Assess(ratings, scaleMinimum: 1, scaleMaximum: 9);

        result.IsDisagreement.ShouldBe(true);
        result.RatingsInLowestThird.ShouldBe(3);
        result.RatingsInHighestThird.ShouldBe(3);
        result.RequiredInEachExtreme.ShouldBe(3);
        result.Reason.ShouldBeNull();
    }

    [Fact]
    public void Fitch2001_nine_member_panel_with_only_two_low_ratings_does_not_disagree()
    {
        double?[] ratings = [2, 3, 4, 4, 5, 7, 8, 9, 9];

        var result = PanelDisagreement.Assess(ratings, scaleMinimum: 1, scaleMaximum: 9);

        result.IsDisagreement.ShouldBe(false);
        result.RatingsInLowestThird.ShouldBe(2);
        result.RatingsInHighestThird.ShouldBe(4);
    }

    // Fitch et al. (2001), table of definitions of agreement and disagreement for different panel
    // sizes (reproduced in BMC Med Inform Decis Mak 2012;12:93, Table 7): panels of 8-10 need at
    // least 3 ratings in each extreme third, 11-13 need 4, 14-16 need 5.
    [Theory]
    [InlineData(8, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    [InlineData(12, 4)]
    [InlineData(13, 4)]
    [InlineData(14, 5)]
    [InlineData(15, 5)]
    [InlineData(16, 5)]
    public void Fitch2001_ratings_needed_in_each_extreme_for_panel_sizes_8_to_16(int panelSize, int expected) =>
        PanelDisagreement.RequiredInEachExtreme(panelSize).ShouldBe(expected);

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 2)]
    public void Small_panels_need_a_third_rounded_to_the_nearest_rater(int panelSize, int expected) =>
        PanelDisagreement.RequiredInEachExtreme(panelSize).ShouldBe(expected);

    [Theory]
    [InlineData(0, true, false)]
    [InlineData(1, true, false)]
    [InlineData(1.5, false, false)]
    [InlineData(2, false, false)]
    [InlineData(2.5, false, false)]
    [InlineData(3, false, true)]
    [InlineData(4, false, true)]
    public void On_the_0_to_4_scale_0_and_1_are_the_lowest_third_and_3_and_4_the_highest(double rating, bool lowest, bool highest)
    {
        var result = PanelDisagreement.Assess([rating, 2]);

        result.RatingsInLowestThird.ShouldBe(lowest ? 1 : 0);
        result.RatingsInHighestThird.ShouldBe(highest ? 1 : 0);
    }

    [Fact]
    public void City_rating_1_against_County_rating_3_is_a_disagreement() =>
        PanelDisagreement.Assess([1, 3]).IsDisagreement.ShouldBe(true);

    [Fact]
    public void City_rating_2_against_County_rating_4_is_not_a_disagreement() =>
        PanelDisagreement.Assess([2, 4]).IsDisagreement.ShouldBe(false);

    [Fact]
    public void Missing_ratings_do_not_count_toward_the_panel()
    {
        var result = PanelDisagreement.Assess([0, null, 4, null]);

        result.PanelSize.ShouldBe(2);
        result.IsDisagreement.ShouldBe(true);
    }

    [Fact]
    public void No_ratings_is_undefined_with_a_reason()
    {
        var result = PanelDisagreement.Assess([null, null]);

        result.IsDisagreement.ShouldBeNull();
        result.Reason.ShouldBe(UndefinedReasons.NoRatings);
    }

    [Fact]
    public void One_rater_is_undefined_with_a_reason()
    {
        var result = PanelDisagreement.Assess([0]);

        result.IsDisagreement.ShouldBeNull();
        result.Reason.ShouldBe(UndefinedReasons.OneRater);
    }

    [Fact]
    public void A_rating_outside_the_scale_is_invalid() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PanelDisagreement.Assess([5, 2]));

    [Theory]
    [InlineData(4, 0)]
    [InlineData(2, 2)]
    [InlineData(0, double.PositiveInfinity)]
    public void Scale_bounds_must_be_finite_and_ordered(double minimum, double maximum) =>
        Should.Throw<ArgumentException>(() => PanelDisagreement.Assess([2, 2], minimum, maximum));
}
