using ServiceSharing.Domain.Agreement;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.Calibration;

public sealed record ReferenceAreaView(Guid AreaId, string Name);

public sealed record AnchorView(int Score, string Label, string Description);

public sealed record FactorAnchorsView(string Factor, string Label, IReadOnlyList<AnchorView> Steps);

/// <summary>Who has rated and how many cells: all anyone sees of the others before the reveal.</summary>
public sealed record RaterView(Guid ReviewerId, string Name, string Org, int CellsRated);

/// <summary>The caller's own score; the panel median and the difference appear only after the reveal.</summary>
public sealed record MyScoreView(Guid AreaId, string Area, string Factor, int Score, double? PanelMedian, double? Difference);

/// <summary>After the reveal: one cell's median, spread and how many chose each scale step (anonymous).</summary>
public sealed record PanelCellView(
    Guid AreaId, string Area, string Factor, int Ratings, double? Median, string? MedianReason, double? Iqr, string? IqrReason,
    IReadOnlyDictionary<string, int> Distribution);

public sealed record CalibrationSummaryView(
    Guid RoundId, long Version, string Status, DateTimeOffset? OpenedAt, DateTimeOffset? RevealedAt, IReadOnlyList<ReferenceAreaView> Areas, int Raters)
{
    public static CalibrationSummaryView From(CalibrationRound round) => new(
        round.Id, round.Version, CalibrationView.StatusOf(round), round.OpenedAt, round.RevealedAt,
        round.Areas.Select(a => new ReferenceAreaView(a.AreaId, a.Name)).ToList(), round.Raters().Count());
}

/// <summary>One calibration round as the caller may see it.</summary>
public sealed record CalibrationView(
    Guid RoundId,
    Guid AssessmentId,
    long Version,
    string Status,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? RevealedAt,
    IReadOnlyList<ReferenceAreaView> Areas,
    IReadOnlyList<FactorAnchorsView> Anchors,
    IReadOnlyList<RaterView> Raters,
    IReadOnlyList<MyScoreView> Mine,
    IReadOnlyList<PanelCellView>? Panel,
    string? PanelReason)
{
    public const string HiddenUntilReveal = "hidden until the facilitator reveals the round";

    public static string StatusOf(CalibrationRound round) => round.Revealed ? "revealed" : "open";

    /// <summary>
    /// Before the reveal a reviewer sees their own scores and, of everyone else, only who has rated; the facilitator
    /// and observers see only who has rated too, so nobody can steer the panel before it has spoken. After the reveal
    /// everyone sees the panel's medians and anonymous distributions, and the caller their own distance from them.
    /// </summary>
    public static CalibrationView For(CalibrationRound round, Actor caller, IReadOnlyDictionary<Guid, string> names)
    {
        var areaNames = round.Areas.ToDictionary(a => a.AreaId, a => a.Name);
        var medians = round.Cells().ToDictionary(c => (c.AreaId, c.Factor), c => SampleMedian.Of(c.Scores.Select(s => (double?)s.Score)));
        var raters = round.Scores.GroupBy(s => s.ReviewerId)
            .Select(g => new RaterView(g.Key, names.GetValueOrDefault(g.Key, ""), g.First().Org.Key(), g.Count()))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var mine = round.ScoresOf(caller.Id)
            .Select(s =>
            {
                var median = round.Revealed ? medians[(s.AreaId, s.Factor)].Value : null;
                return new MyScoreView(s.AreaId, areaNames[s.AreaId], s.Factor.Key(), s.Score, median, s.Score - median);
            })
            .OrderBy(s => s.Area).ThenBy(s => s.Factor)
            .ToList();

        return new CalibrationView(
            round.Id,
            round.AssessmentId,
            round.Version,
            StatusOf(round),
            round.OpenedAt,
            round.RevealedAt,
            round.Areas.Select(a => new ReferenceAreaView(a.AreaId, a.Name)).ToList(),
            round.Anchors.Select(f => new FactorAnchorsView(f.Factor.Key(), f.Label,
                f.Steps.Select(s => new AnchorView(s.Score, s.Label, s.Description)).ToList())).ToList(),
            raters,
            mine,
            round.Revealed ? round.Cells().Select(c => PanelCellOf(c, areaNames)).ToList() : null,
            round.Revealed ? null : HiddenUntilReveal);
    }

    private static PanelCellView PanelCellOf(PanelCell cell, IReadOnlyDictionary<Guid, string> areaNames)
    {
        var values = cell.Scores.Select(s => (double?)s.Score).ToList();
        var median = SampleMedian.Of(values);
        var iqr = InterquartileRange.Of(values);
        return new PanelCellView(cell.AreaId, areaNames[cell.AreaId], cell.Factor.Key(), cell.Scores.Count,
            median.Value, median.Reason, iqr.Value, iqr.Reason,
            Enumerable.Range(AssessmentRubric.MinScore, AssessmentRubric.MaxScore - AssessmentRubric.MinScore + 1)
                .ToDictionary(step => step.ToString(System.Globalization.CultureInfo.InvariantCulture), step => cell.Scores.Count(s => s.Score == step)));
    }
}

/// <summary>An offset in numbers: the mean signed difference from the panel median, and the mean distance either way.</summary>
public sealed record OffsetView(double? Offset, string? OffsetReason, double? Distance, int Cells)
{
    public static OffsetView From(OffsetSummary summary) =>
        new(summary.Offset.Value, summary.Offset.Reason, summary.Distance.Value, summary.Cells);
}

public sealed record CellOffsetView(Guid AreaId, string Area, string Factor, int Score, double PanelMedian, double Difference, int PanelSize);

/// <summary>How far one reviewer sat from the panel median in a revealed round, overall, per factor and per cell.</summary>
public sealed record ReviewerOffsetView(
    Guid ReviewerId,
    string Name,
    string Org,
    OffsetView Overall,
    IReadOnlyDictionary<string, OffsetView> ByFactor,
    IReadOnlyList<CellOffsetView> Cells)
{
    public static ReviewerOffsetView From(Guid reviewerId, Org org, ReviewerOffset? offset, string name, IReadOnlyDictionary<Guid, string> areaNames)
    {
        var cells = offset?.Cells ?? [];
        return new ReviewerOffsetView(
            reviewerId,
            name,
            org.Key(),
            OffsetView.From(offset?.Overall ?? OffsetSummary.Of([])),
            Enum.GetValues<Factor>().ToDictionary(f => f.Key(), f => OffsetView.From(offset?.For(f) ?? OffsetSummary.Of([]))),
            cells.Select(c => new CellOffsetView(c.AreaId, areaNames.GetValueOrDefault(c.AreaId, ""), c.Factor.Key(), c.Score, c.PanelMedian, c.Difference, c.PanelSize)).ToList());
    }
}
