using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Rubric;
using static ServiceSharing.Domain.Tests.Calibrations.CalibrationTestData;

namespace ServiceSharing.Domain.Tests.Calibrations;

public sealed class CalibrationRoundTests
{
    [Fact]
    public void a_round_keeps_each_reviewers_latest_practice_score_and_its_times_come_from_the_events()
    {
        var reference = Guid.NewGuid();
        var revealed = DateTimeOffset.Parse("2026-01-05T10:30:00Z");

        var round = Round(reference, revealed,
            Rated(reference, Factor.Similarity, A, 1),
            Rated(reference, Factor.Similarity, A, 3),
            Rated(reference, Factor.Similarity, C, 2));

        round.Scores.Count.ShouldBe(2);
        round.ScoresOf(A).Single().Score.ShouldBe(3);
        round.Raters().ShouldBe([A, C], ignoreOrder: true);
        round.IsReferenceArea(reference).ShouldBeTrue();
        round.IsReferenceArea(Guid.NewGuid()).ShouldBeFalse();
        round.OpenedAt.ShouldBe(DateTimeOffset.Parse("2026-01-05T09:00:00Z"));
        (round.Revealed, round.RevealedAt).ShouldBe((true, revealed));
        round.Anchors.Select(a => a.Factor).ShouldBe(Enum.GetValues<Factor>());
    }

    [Fact]
    public void the_cells_of_a_round_are_its_reference_areas_by_factor_with_the_scores_given()
    {
        var reference = Guid.NewGuid();
        var round = Round(reference, null, Rated(reference, Factor.Challenges, B, 4));

        var cells = round.Cells();

        cells.Select(c => c.Factor).ShouldBe(Enum.GetValues<Factor>());
        cells.Single(c => c.Factor == Factor.Challenges).Scores.ShouldBe([Score(B, 4)]);
        cells.Where(c => c.Factor != Factor.Challenges).ShouldAllBe(c => c.Scores.Count == 0);
    }

    [Fact]
    public void every_factor_has_an_anchor_for_every_step_of_the_scale()
    {
        foreach (var factor in ScaleAnchors.Default)
        {
            factor.Steps.Select(s => s.Score).ShouldBe([0, 1, 2, 3, 4]);
            factor.Steps.ShouldAllBe(s => s.Description.Length > 20);
            factor.Label.ShouldBe(AssessmentRubric.Default.Factors.Single(f => f.Factor == factor.Factor).Label);
        }

        ScaleAnchors.Default.SelectMany(f => f.Steps).Select(s => s.Description).Distinct().Count().ShouldBe(20);
    }
}
