using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class LandisKochScaleTests
{
    // Landis & Koch (1977), Biometrics 33, p. 165: <0 poor, 0.00-0.20 slight, 0.21-0.40 fair,
    // 0.41-0.60 moderate, 0.61-0.80 substantial, 0.81-1.00 almost perfect.
    [Theory]
    [InlineData(-0.01, AgreementStrength.Poor)]
    [InlineData(0.00, AgreementStrength.Slight)]
    [InlineData(0.20, AgreementStrength.Slight)]
    [InlineData(0.21, AgreementStrength.Fair)]
    [InlineData(0.40, AgreementStrength.Fair)]
    [InlineData(0.41, AgreementStrength.Moderate)]
    [InlineData(0.60, AgreementStrength.Moderate)]
    [InlineData(0.61, AgreementStrength.Substantial)]
    [InlineData(0.80, AgreementStrength.Substantial)]
    [InlineData(0.81, AgreementStrength.AlmostPerfect)]
    [InlineData(1.00, AgreementStrength.AlmostPerfect)]
    public void LandisKoch1977_band_limits(double kappa, AgreementStrength expected) =>
        LandisKochScale.Classify(kappa).ShouldBe(expected);

    [Fact]
    public void Values_between_the_published_two_decimal_limits_go_to_the_upper_band() =>
        LandisKochScale.Classify(0.205).ShouldBe(AgreementStrength.Fair);

    [Fact]
    public void Describes_a_defined_kappa_in_plain_words() =>
        LandisKochScale.Describe(Statistic.Defined(0.55)).ShouldBe("moderate agreement");

    [Fact]
    public void Describes_an_undefined_kappa_by_its_reason() =>
        LandisKochScale.Describe(Statistic.Undefined(UndefinedReasons.NoVariationKappa))
            .ShouldBe("cannot be judged: " + UndefinedReasons.NoVariationKappa);
}
