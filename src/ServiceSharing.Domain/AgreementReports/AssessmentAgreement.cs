using ServiceSharing.Domain.Agreement;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.AgreementReports;

/// <summary>
/// How far the panel agrees on one assessment, computed from the reviewers' current ratings only (each reviewer's
/// latest score per area and factor; joint ratings are the facilitator's and take no part). Units of Krippendorff's
/// alpha are the (area, factor) cells and coders the reviewers; a reviewer who skipped a cell is a missing value,
/// which alpha tolerates. Nothing here is stored: the report is a function of the state at any replayed point.
/// </summary>
public sealed record AssessmentAgreement(
    Statistic Alpha,
    int Reviewers,
    int Ratings,
    IReadOnlyDictionary<Factor, FactorAgreement> ByFactor,
    IReadOnlyList<AreaAgreement> ByArea)
{
    public static AssessmentAgreement Of(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var factors = assessment.Rubric.Factors.Select(f => f.Factor).ToList();
        var cells = assessment.Areas
            .SelectMany(area => factors.Select(factor => (Area: area, Factor: factor, Scores: ScoresOf(area, factor))))
            .ToList();

        var byFactor = factors.ToDictionary(factor => factor, factor => FactorAgreement.Of(
            factor,
            cells.Where(c => c.Factor == factor).Select(c => c.Scores).ToList(),
            assessment.Areas.Select(area => CityCountyPair(area.PeekRatings(factor))).ToList()));

        var byArea = assessment.Areas
            .Select(area => AreaAgreement.Of(area, factors))
            .ToList();

        var reviewers = cells.SelectMany(c => c.Scores).Select(s => s.ReviewerId).Distinct().Count();
        return new AssessmentAgreement(
            OrdinalAlpha(cells.Select(c => c.Scores)),
            reviewers,
            cells.Sum(c => c.Scores.Count),
            byFactor,
            byArea);
    }

    /// <summary>Ordinal alpha over the given cells; each cell is one unit holding the scores its reviewers gave.</summary>
    public static Statistic OrdinalAlpha(IEnumerable<IReadOnlyList<ReviewerScore>> units) =>
        KrippendorffAlpha.Compute(
            units.Select(scores => (IReadOnlyList<double?>)scores.Select(s => (double?)s.Score).ToList()).ToList(),
            AlphaMetric.Ordinal);

    private static IReadOnlyList<ReviewerScore> ScoresOf(FunctionalArea area, Factor factor) =>
        area.PeekRatings(factor)?.Reviewers ?? [];

    private static RatingPair CityCountyPair(FactorRatings? ratings) =>
        new(ratings?.ValueOf(Org.City), ratings?.ValueOf(Org.County));
}

/// <summary>One factor across all areas: reviewers' alpha, and the two governments' weighted kappa.</summary>
/// <param name="KappaCityCounty">Quadratic-weighted Cohen's kappa of the city value against the county value
/// (each the median of that government's reviewers, as the board shows them), one pair per area.</param>
/// <param name="AreasRatedByBoth">Areas with both a city and a county value: the pairs kappa is computed from.</param>
public sealed record FactorAgreement(Factor Factor, Statistic Alpha, Statistic KappaCityCounty, int AreasRatedByBoth)
{
    public static FactorAgreement Of(Factor factor, IReadOnlyList<IReadOnlyList<ReviewerScore>> cells, IReadOnlyList<RatingPair> cityCounty) =>
        new(factor,
            AssessmentAgreement.OrdinalAlpha(cells),
            WeightedKappa.Compute(cityCounty, KappaWeighting.Quadratic),
            cityCounty.Count(p => p.First.HasValue && p.Second.HasValue));
}

/// <summary>One area: reviewers' alpha over its four factor cells, and each cell's spread.</summary>
public sealed record AreaAgreement(Guid AreaId, string Name, Statistic Alpha, IReadOnlyDictionary<Factor, CellAgreement> ByFactor)
{
    public static AreaAgreement Of(FunctionalArea area, IReadOnlyList<Factor> factors) =>
        new(area.Id,
            area.Name,
            AssessmentAgreement.OrdinalAlpha(factors.Select(f => area.PeekRatings(f)?.Reviewers ?? [])),
            factors.ToDictionary(f => f, f => CellAgreement.Of(area.PeekRatings(f))));
}

/// <summary>
/// One (area, factor) cell: the median and interquartile range of all reviewers' current scores, the RAND/UCLA
/// disagreement flag, and the divergence of the two governments (city value minus county value).
/// </summary>
public sealed record CellAgreement(
    int Ratings,
    Statistic Median,
    Statistic Iqr,
    PanelDisagreementResult Disagreement,
    double? City,
    double? County,
    Statistic CityMinusCounty)
{
    /// <param name="ratings">The cell's current ratings; null when nobody has rated it.</param>
    public static CellAgreement Of(FactorRatings? ratings)
    {
        var scores = ratings?.Reviewers ?? [];
        var values = scores.Select(s => (double?)s.Score).ToList();
        // The same government values the board shows: the median of each government's reviewers.
        var city = ratings?.ValueOf(Org.City);
        var county = ratings?.ValueOf(Org.County);
        return new CellAgreement(
            scores.Count,
            SampleMedian.Of(values),
            InterquartileRange.Of(values),
            PanelDisagreement.Assess(values, AssessmentRubric.MinScore, AssessmentRubric.MaxScore),
            city,
            county,
            Divergence(city, county));
    }

    private static Statistic Divergence(double? city, double? county) => (city, county) switch
    {
        ({ } c, { } k) => Statistic.Defined(c - k),
        (null, null) => Statistic.Undefined(AgreementReportReasons.NeitherGovernmentRated),
        (null, _) => Statistic.Undefined(AgreementReportReasons.NoCityRating),
        _ => Statistic.Undefined(AgreementReportReasons.NoCountyRating)
    };
}
