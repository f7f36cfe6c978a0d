using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class SampleMedianTests
{
    [Fact]
    public void Median_of_an_odd_count_is_the_middle_rating() =>
        SampleMedian.Of([4, 1, 3]).Value.ShouldBe(3);

    [Fact]
    public void Median_of_two_reviewers_is_their_mean_and_may_be_a_half_step() =>
        SampleMedian.Of([2, 3]).Value.ShouldBe(2.5);

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        SampleMedian.Of([0, 4, 1, 3]).Value.ShouldBe(2);

    [Fact]
    public void Missing_ratings_are_ignored() =>
        SampleMedian.Of([null, 1, null, 4, 4]).Value.ShouldBe(4);

    [Fact]
    public void No_ratings_is_undefined_with_a_reason() =>
        SampleMedian.Of([]).Reason.ShouldBe(UndefinedReasons.NoRatings);
}
