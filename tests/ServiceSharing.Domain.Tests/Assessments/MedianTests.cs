using ServiceSharing.Domain.Assessments;

namespace ServiceSharing.Domain.Tests.Assessments;

public sealed class MedianTests
{
    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 4, 1 }, 2.5)]
    [InlineData(new[] { 0, 4, 2 }, 2.0)]
    [InlineData(new[] { 1, 1, 4, 4 }, 2.5)]
    public void the_median_is_the_middle_score_or_the_mean_of_the_two_middle_ones(int[] scores, double? expected) =>
        Median.Of(scores).ShouldBe(expected);
}
