using ServiceSharing.Domain.Agreement;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Calibrations;

/// <summary>A reviewer's offset in live scoring, their offset in calibration, and the drift between them.</summary>
public sealed record DriftResult(OffsetSummary Live, OffsetSummary? Calibration, Statistic Drift);

/// <summary>A reviewer's drift overall and per factor, measured against one calibration round.</summary>
public sealed record ReviewerDriftReport(Guid ReviewerId, Guid? CalibrationRoundId, DriftResult Overall, IReadOnlyDictionary<Factor, DriftResult> ByFactor);

/// <summary>
/// Drift: the reviewer's offset in live scoring minus their offset in calibration, where an offset is the mean
/// signed difference between their score and the panel median over the cells they rated (see
/// <see cref="ReviewerOffsets"/>). 0 means they sit where they sat in calibration relative to the panel; +0.5 means
/// they now rate half a step more generously, relative to the panel, than they did then. Measuring against the
/// panel rather than against the anchors keeps areas that are simply better or worse candidates from counting as
/// drift.
/// </summary>
public static class ReviewerDrift
{
    public const string Definition =
        "drift = live offset - calibration offset. An offset is the mean, over the cells (area, factor) a reviewer rated "
        + "and at least one other reviewer rated too, of the reviewer's score minus the median of all reviewers' scores "
        + "in that cell. Live offsets use current ratings; calibration offsets use the latest revealed calibration round "
        + "the reviewer took part in. Positive drift: rating more generously than the panel, compared with calibration.";

    public static DriftResult Of(OffsetSummary live, OffsetSummary? calibration)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (calibration is null)
        {
            return new DriftResult(live, null, Statistic.Undefined(CalibrationReasons.NotCalibrated));
        }

        if (calibration.Offset.Value is not { } then)
        {
            return new DriftResult(live, calibration, Statistic.Undefined($"no calibration offset: {calibration.Offset.Reason}"));
        }

        return live.Offset.Value is { } now
            ? new DriftResult(live, calibration, Statistic.Defined(now - then))
            : new DriftResult(live, calibration, Statistic.Undefined($"no live offset: {live.Offset.Reason}"));
    }

    /// <summary>
    /// One reviewer's drift against the latest revealed round in which they have an offset. Rounds still open do
    /// not count: until the reveal nobody has seen where they sat, so there is nothing to drift from.
    /// </summary>
    public static ReviewerDriftReport For(Guid reviewerId, IReadOnlyList<PanelCell> live, IEnumerable<CalibrationRound> rounds)
    {
        var liveOffset = ReviewerOffsets.Of(live).SingleOrDefault(o => o.ReviewerId == reviewerId);
        var baseline = rounds
            .Where(r => r.Revealed)
            .OrderByDescending(r => r.RevealedAt)
            .Select(r => (Round: r, Offset: ReviewerOffsets.Of(r.Cells()).SingleOrDefault(o => o.ReviewerId == reviewerId)))
            .FirstOrDefault(b => b.Offset is not null);

        OffsetSummary LiveFor(Factor? factor) => liveOffset is null
            ? OffsetSummary.Of([])
            : factor is { } f ? liveOffset.For(f) : liveOffset.Overall;
        OffsetSummary? CalibrationFor(Factor? factor) => baseline.Offset is not { } offset
            ? null
            : factor is { } f ? offset.For(f) : offset.Overall;

        return new ReviewerDriftReport(
            reviewerId,
            baseline.Round?.Id,
            Of(LiveFor(null), CalibrationFor(null)),
            Enum.GetValues<Factor>().ToDictionary(f => f, f => Of(LiveFor(f), CalibrationFor(f))));
    }
}
