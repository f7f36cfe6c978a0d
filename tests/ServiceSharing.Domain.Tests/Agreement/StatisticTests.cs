using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class StatisticTests
{
    [Fact]
    public void Defined_statistic_has_a_value_and_no_reason()
    {
        var statistic = Statistic.Defined(0.5);

        statistic.Value.ShouldBe(0.5);
        statistic.Reason.ShouldBeNull();
        statistic.IsDefined.ShouldBeTrue();
        statistic.ToString().ShouldBe("0.500");
    }

    [Fact]
    public void Undefined_statistic_has_a_reason_and_no_value()
    {
        var statistic = Statistic.Undefined(UndefinedReasons.NoRatings);

        statistic.Value.ShouldBeNull();
        statistic.Reason.ShouldBe(UndefinedReasons.NoRatings);
        statistic.IsDefined.ShouldBeFalse();
        statistic.ToString().ShouldBe("undefined: no ratings");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_defined_statistic_is_never_NaN_or_infinite(double notFinite) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Statistic.Defined(notFinite));

    [Fact]
    public void An_undefined_statistic_needs_a_reason() =>
        Should.Throw<ArgumentException>(() => Statistic.Undefined(" "));
}
