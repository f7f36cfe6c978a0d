using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class KrippendorffReliabilityStandardTests
{
    // Krippendorff (2004), Content Analysis, 2nd ed., p. 241: rely on alpha >= .800, draw only
    // tentative conclusions for .667 <= alpha < .800, discard data below .667.
    [Theory]
    [InlineData(1.0, ReliabilityVerdict.Reliable)]
    [InlineData(0.800, ReliabilityVerdict.Reliable)]
    [InlineData(0.799, ReliabilityVerdict.TentativeConclusionsOnly)]
    [InlineData(0.667, ReliabilityVerdict.TentativeConclusionsOnly)]
    [InlineData(0.666, ReliabilityVerdict.Unreliable)]
    [InlineData(-0.5, ReliabilityVerdict.Unreliable)]
    public void Krippendorff2004_thresholds(double alpha, ReliabilityVerdict expected) =>
        KrippendorffReliabilityStandard.Classify(alpha).ShouldBe(expected);

    [Fact]
    public void The_Krippendorff2011_example_C_ordinal_alpha_of_0_815_reads_as_reliable()
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.Krippendorff2011ExampleC, AlphaMetric.Ordinal);

        KrippendorffReliabilityStandard.Describe(alpha).ShouldBe("reliable (alpha at least .800)");
    }

    [Fact]
    public void The_Hayes_Krippendorff_2007_ordinal_alpha_of_0_7598_reads_as_tentative()
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityDataExamples.HayesKrippendorff2007Table1, AlphaMetric.Ordinal);

        KrippendorffReliabilityStandard.Describe(alpha)
            .ShouldBe("good enough for tentative conclusions only (alpha .667 to .800)");
    }

    [Fact]
    public void Describes_an_undefined_alpha_by_its_reason() =>
        KrippendorffReliabilityStandard.Describe(Statistic.Undefined(UndefinedReasons.FewerThanTwoPairableRatings))
            .ShouldBe("cannot be judged: " + UndefinedReasons.FewerThanTwoPairableRatings);
}
