using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Rubric;

public sealed class RubricTests
{
    [Theory]
    [InlineData("similarity", Factor.Similarity)]
    [InlineData("Efficiencies", Factor.Efficiencies)]
    [InlineData("challenges", Factor.Challenges)]
    [InlineData("centralization", Factor.Centralization)]
    public void factor_keys_round_trip(string key, Factor factor)
    {
        FactorKeys.TryParse(key, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(factor);
        factor.Key().ShouldBe(key.ToLowerInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cost")]
    [InlineData("0")]
    public void unknown_factors_do_not_parse(string? key) => FactorKeys.TryParse(key, out _).ShouldBeFalse();

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("maybe", true)]
    [InlineData(" NO ", true)]
    [InlineData("1", false)]
    [InlineData("Perhaps", false)]
    [InlineData(null, false)]
    public void verdicts_parse_by_name_only(string? text, bool parses) => Verdicts.TryParse(text, out _).ShouldBe(parses);

    [Fact]
    public void the_default_rubric_has_the_studys_four_factors_and_a_five_step_scale()
    {
        AssessmentRubric.Default.Factors.Select(f => f.Factor).ShouldBe(Enum.GetValues<Factor>());
        AssessmentRubric.Default.Scale.Select(s => s.Score).ShouldBe([0, 1, 2, 3, 4]);
        AssessmentRubric.IsOnScale(5).ShouldBeFalse();
        AssessmentRubric.IsOnScale(-1).ShouldBeFalse();
    }
}
