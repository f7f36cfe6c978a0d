using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Rubric;
using static ServiceSharing.Domain.Tests.Calibrations.CalibrationTestData;

namespace ServiceSharing.Domain.Tests.Calibrations;

public sealed class ReviewerDriftTests
{
    private static readonly Guid Reference = Guid.NewGuid();
    private static readonly Guid X = Guid.NewGuid();
    private static readonly Guid Y = Guid.NewGuid();
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-01-05T12:00:00Z");

    // Calibration (see ReviewerOffsetsTests): A +1 on similarity and efficiencies, B -1 on both, C 0 on similarity.
    private static readonly CalibrationRound Calibration = Round(Reference, Monday,
        Rated(Reference, Factor.Similarity, A, 3), Rated(Reference, Factor.Similarity, B, 1), Rated(Reference, Factor.Similarity, C, 2),
        Rated(Reference, Factor.Efficiencies, A, 4), Rated(Reference, Factor.Efficiencies, B, 2));

    // Live: X similarity A 3, B 3, C 1 (median 3): A 0, C -2. Y similarity A 4, C 2 (median 3): A +1, C -1.
    // X efficiencies A 2, B 2 (median 2): A 0.
    private static readonly PanelCell[] Live =
    [
        Cell(X, Factor.Similarity, Score(A, 3), Score(B, 3), Score(C, 1)),
        Cell(Y, Factor.Similarity, Score(A, 4), Score(C, 2)),
        Cell(X, Factor.Efficiencies, Score(A, 2), Score(B, 2))
    ];

    [Fact]
    public void drift_is_the_live_offset_minus_the_calibration_offset_overall_and_per_factor()
    {
        var a = ReviewerDrift.For(A, Live, [Calibration]);

        a.CalibrationRoundId.ShouldBe(Calibration.Id);
        // Live: (0 + 1 + 0) / 3 = 1/3; calibration: +1; drift -2/3: A now sits closer to the panel.
        a.Overall.Live.Offset.Value!.Value.ShouldBe(1.0 / 3, 1e-12);
        a.Overall.Calibration!.Offset.Value.ShouldBe(1);
        a.Overall.Drift.Value!.Value.ShouldBe(-2.0 / 3, 1e-12);
        a.ByFactor[Factor.Similarity].Drift.Value.ShouldBe(0.5 - 1);
        a.ByFactor[Factor.Efficiencies].Drift.Value.ShouldBe(0 - 1);
        a.ByFactor[Factor.Challenges].Drift.Reason.ShouldBe($"no calibration offset: {CalibrationReasons.NoComparableCells}");

        // C: live (-2 - 1) / 2 = -1.5, calibration 0.
        ReviewerDrift.For(C, Live, [Calibration]).Overall.Drift.Value.ShouldBe(-1.5);
    }

    [Fact]
    public void a_reviewer_who_never_calibrated_or_never_rated_live_has_no_drift_and_is_told_why()
    {
        var d = ReviewerDrift.For(D, Live, [Calibration]);
        d.CalibrationRoundId.ShouldBeNull();
        d.Overall.Drift.Reason.ShouldBe(CalibrationReasons.NotCalibrated);

        var b = ReviewerDrift.For(B, [Cell(X, Factor.Similarity, Score(B, 3))], [Calibration]);
        b.Overall.Drift.Reason.ShouldBe($"no live offset: {CalibrationReasons.NoComparableCells}");
    }

    [Fact]
    public void the_baseline_is_the_latest_revealed_round_the_reviewer_took_part_in_and_open_rounds_do_not_count()
    {
        // A later round where A sat at the median (2 of 1, 2, 3), and a round still open where A rated far above.
        var later = Round(Reference, Monday.AddDays(7),
            Rated(Reference, Factor.Similarity, A, 2), Rated(Reference, Factor.Similarity, B, 1), Rated(Reference, Factor.Similarity, C, 3));
        var open = Round(Reference, null, Rated(Reference, Factor.Similarity, A, 4), Rated(Reference, Factor.Similarity, B, 0));
        var withoutA = Round(Reference, Monday.AddDays(14), Rated(Reference, Factor.Similarity, B, 1), Rated(Reference, Factor.Similarity, C, 3));

        var a = ReviewerDrift.For(A, Live, [Calibration, open, later, withoutA]);

        a.CalibrationRoundId.ShouldBe(later.Id);
        a.Overall.Calibration!.Offset.Value.ShouldBe(0);
        a.Overall.Drift.Value!.Value.ShouldBe(1.0 / 3, 1e-12);
    }
}
