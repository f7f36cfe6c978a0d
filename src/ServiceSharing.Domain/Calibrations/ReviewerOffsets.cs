using ServiceSharing.Domain.Agreement;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Calibrations;

/// <summary>Where one reviewer sat in one cell: their score, the panel's median, and the signed difference.</summary>
public sealed record CellOffset(Guid AreaId, Factor Factor, int Score, double PanelMedian, int PanelSize)
{
    public double Difference => Score - PanelMedian;
}

/// <summary>
/// A reviewer's offset over some cells: <see cref="Offset"/> is the mean signed difference from the panel median
/// (positive: rates above the panel), <see cref="Distance"/> the mean absolute difference (how far, either way).
/// </summary>
public sealed record OffsetSummary(Statistic Offset, Statistic Distance, int Cells)
{
    public static OffsetSummary Of(IReadOnlyCollection<CellOffset> cells) => cells.Count == 0
        ? new OffsetSummary(Statistic.Undefined(CalibrationReasons.NoComparableCells), Statistic.Undefined(CalibrationReasons.NoComparableCells), 0)
        : new OffsetSummary(
            Statistic.Defined(cells.Average(c => c.Difference)),
            Statistic.Defined(cells.Average(c => Math.Abs(c.Difference))),
            cells.Count);
}

public sealed record ReviewerOffset(Guid ReviewerId, Org Org, IReadOnlyList<CellOffset> Cells)
{
    public OffsetSummary Overall => OffsetSummary.Of(Cells.ToList());

    public OffsetSummary For(Factor factor) => OffsetSummary.Of(Cells.Where(c => c.Factor == factor).ToList());
}

/// <summary>
/// How far each reviewer sits from the panel. The panel median of a cell is the median of all reviewers' current
/// scores in it, the reviewer's own included (so it is the same number everyone sees). Only cells that at least
/// one other reviewer also rated count: alone in a cell, a reviewer is trivially the median.
/// </summary>
public static class ReviewerOffsets
{
    public const int MinimumPanel = 2;

    public static IReadOnlyList<ReviewerOffset> Of(IEnumerable<PanelCell> cells)
    {
        var offsets = new Dictionary<Guid, (Org Org, List<CellOffset> Cells)>();
        foreach (var cell in cells.Where(c => c.Scores.Count >= MinimumPanel))
        {
            var median = SampleMedian.Of(cell.Scores.Select(s => (double?)s.Score)).Value!.Value;
            foreach (var score in cell.Scores)
            {
                if (!offsets.TryGetValue(score.ReviewerId, out var entry))
                {
                    entry = (score.Org, []);
                    offsets[score.ReviewerId] = entry;
                }

                entry.Cells.Add(new CellOffset(cell.AreaId, cell.Factor, score.Score, median, cell.Scores.Count));
            }
        }

        return offsets.Select(p => new ReviewerOffset(p.Key, p.Value.Org, p.Value.Cells)).ToList();
    }
}
