using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class KappaWeightingTests
{
    [Theory]
    [InlineData(0, 4, 16)]
    [InlineData(3, 1, 4)]
    [InlineData(2.5, 2, 0.25)]
    [InlineData(2, 2, 0)]
    public void Quadratic_weight_is_the_squared_difference(double first, double second, double expected) =>
        KappaWeighting.Quadratic.Disagreement(first, second).ShouldBe(expected);

    [Theory]
    [InlineData(0, 4, 4)]
    [InlineData(3, 1, 2)]
    [InlineData(2.5, 2, 0.5)]
    public void Linear_weight_is_the_absolute_difference(double first, double second, double expected) =>
        KappaWeighting.Linear.Disagreement(first, second).ShouldBe(expected);

    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(2.5, 2, 1)]
    [InlineData(3, 3, 0)]
    public void Unweighted_counts_every_difference_as_one(double first, double second, double expected) =>
        KappaWeighting.Unweighted.Disagreement(first, second).ShouldBe(expected);

    [Fact]
    public void Custom_weights_keep_the_order_of_the_raters()
    {
        var asymmetric = KappaWeighting.FromDisagreement("asymmetric", (first, second) => first > second ? 2 : 1);

        asymmetric.Disagreement(3, 1).ShouldBe(2);
        asymmetric.Disagreement(1, 3).ShouldBe(1);
        asymmetric.ToString().ShouldBe("asymmetric");
    }

    [Fact]
    public void Custom_weights_need_a_name() =>
        Should.Throw<ArgumentException>(() => KappaWeighting.FromDisagreement("", (_, _) => 0));
}
