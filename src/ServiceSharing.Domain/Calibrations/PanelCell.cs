using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Calibrations;

/// <summary>The current scores of one (area, factor) cell, from live scoring or from a calibration round.</summary>
public sealed record PanelCell(Guid AreaId, Factor Factor, IReadOnlyList<ReviewerScore> Scores)
{
    /// <summary>Every cell of the board with its reviewers' current scores (joint ratings are not a reviewer's).</summary>
    public static IReadOnlyList<PanelCell> OfLiveScoring(Assessment assessment) =>
        assessment.Areas
            .SelectMany(area => Enum.GetValues<Factor>().Select(factor =>
                new PanelCell(area.Id, factor, area.PeekRatings(factor)?.Reviewers.ToList() ?? [])))
            .ToList();
}
