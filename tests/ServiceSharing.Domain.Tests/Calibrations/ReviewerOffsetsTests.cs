using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Rubric;
using static ServiceSharing.Domain.Tests.Calibrations.CalibrationTestData;

namespace ServiceSharing.Domain.Tests.Calibrations;

public sealed class ReviewerOffsetsTests
{
    private static readonly Guid Reference = Guid.NewGuid();

    // Similarity: A 3, B 1, C 2, median 2: A +1, B -1, C 0.
    // Efficiencies: A 4, B 2, median 3: A +1, B -1.
    // Challenges: A 2 alone: no panel to compare with, left out.
    private static readonly PanelCell[] Cells =
    [
        Cell(Reference, Factor.Similarity, Score(A, 3), Score(B, 1), Score(C, 2)),
        Cell(Reference, Factor.Efficiencies, Score(A, 4), Score(B, 2)),
        Cell(Reference, Factor.Challenges, Score(A, 2))
    ];

    [Fact]
    public void each_reviewer_sits_at_their_score_minus_the_panel_median_of_each_cell_shared_with_another_reviewer()
    {
        var offsets = ReviewerOffsets.Of(Cells).ToDictionary(o => o.ReviewerId);

        var a = offsets[A];
        a.Cells.Select(c => (c.Factor, c.Score, c.PanelMedian, c.Difference)).ShouldBe(
            [(Factor.Similarity, 3, 2.0, 1.0), (Factor.Efficiencies, 4, 3.0, 1.0)]);
        a.Overall.Offset.Value.ShouldBe(1);
        a.Overall.Distance.Value.ShouldBe(1);
        a.Overall.Cells.ShouldBe(2);
        a.For(Factor.Challenges).Offset.Reason.ShouldBe(CalibrationReasons.NoComparableCells);

        offsets[B].Overall.Offset.Value.ShouldBe(-1);
        offsets[B].Overall.Distance.Value.ShouldBe(1);
        offsets[C].Overall.Offset.Value.ShouldBe(0);
        offsets[C].Org.ShouldBe(Org.County);
    }

    [Fact]
    public void the_offset_is_signed_and_the_distance_is_not()
    {
        // First cell D 4, A 2, B 0: median 2, D +2. Second cell D 0, A 2, B 4: median 2, D -2. Offset 0, distance 2.
        var other = Guid.NewGuid();
        var offsets = ReviewerOffsets.Of([
            Cell(Reference, Factor.Similarity, Score(D, 4), Score(A, 2), Score(B, 0)),
            Cell(other, Factor.Similarity, Score(D, 0), Score(A, 2), Score(B, 4))
        ]).ToDictionary(o => o.ReviewerId);

        offsets[D].Overall.Offset.Value.ShouldBe(0);
        offsets[D].Overall.Distance.Value.ShouldBe(2);
    }
}
