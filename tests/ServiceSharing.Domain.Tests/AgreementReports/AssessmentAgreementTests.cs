using ServiceSharing.Domain.Agreement;
using ServiceSharing.Domain.AgreementReports;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.AgreementReports;

public sealed class AssessmentAgreementTests
{
    private static readonly Guid Payroll = Guid.NewGuid();
    private static readonly Guid Fleet = Guid.NewGuid();
    private static readonly Guid CityA = Guid.NewGuid();
    private static readonly Guid CityB = Guid.NewGuid();
    private static readonly Guid CountyC = Guid.NewGuid();
    private static readonly Guid CountyD = Guid.NewGuid();

    private static Assessment Board(params IAssessmentEvent[] ratings)
    {
        var state = new Assessment();
        IAssessmentEvent[] events =
        [
            new AssessmentCreated(Guid.NewGuid(), "Study", AssessmentRubric.Default),
            new FunctionalAreaAdded(Payroll, "Payroll"),
            new FunctionalAreaAdded(Fleet, "Fleet"),
            .. ratings
        ];
        foreach (var e in events)
        {
            state.Evolve(e);
        }

        return state;
    }

    private static FactorRated Rated(Guid area, Factor factor, int score, Guid reviewer) =>
        new(area, factor, score, null, reviewer, reviewer == CityA || reviewer == CityB ? Org.City : Org.County);

    [Fact]
    public void with_no_ratings_every_statistic_is_undefined_with_its_reason()
    {
        var report = AssessmentAgreement.Of(Board());

        report.Alpha.Reason.ShouldBe(UndefinedReasons.FewerThanTwoPairableRatings);
        report.Reviewers.ShouldBe(0);
        report.ByFactor[Factor.Similarity].KappaCityCounty.Reason.ShouldBe(UndefinedReasons.FewerThanTwoRatedPairs);
        var cell = report.ByArea.Single(a => a.AreaId == Payroll).ByFactor[Factor.Efficiencies];
        cell.Median.Reason.ShouldBe(UndefinedReasons.NoRatings);
        cell.Iqr.Reason.ShouldBe(UndefinedReasons.NoRatings);
        cell.Disagreement.IsDisagreement.ShouldBeNull();
        cell.CityMinusCounty.Reason.ShouldBe(AgreementReportReasons.NeitherGovernmentRated);
    }

    [Fact]
    public void one_cell_of_four_reviewers_gives_its_median_quartile_spread_disagreement_and_divergence()
    {
        // Scores 0, 2 (city) and 3, 4 (county). Median (2 + 3) / 2 = 2.5. Quartiles by definition 7:
        // Q1 at position 0.75 = 0 + 0.75 * 2 = 1.5, Q3 at 2.25 = 3 + 0.25 * 1 = 3.25, so IQR = 1.75.
        // RAND/UCLA with 4 raters needs (4 + 1) / 3 = 1 in each extreme third: 0 is low, 3 and 4 are high.
        // City value = median(0, 2) = 1, county = median(3, 4) = 3.5, city minus county = -2.5.
        var report = AssessmentAgreement.Of(Board(
            Rated(Payroll, Factor.Similarity, 0, CityA),
            Rated(Payroll, Factor.Similarity, 2, CityB),
            Rated(Payroll, Factor.Similarity, 3, CountyC),
            Rated(Payroll, Factor.Similarity, 4, CountyD)));

        var cell = report.ByArea.Single(a => a.AreaId == Payroll).ByFactor[Factor.Similarity];
        cell.Ratings.ShouldBe(4);
        cell.Median.Value.ShouldBe(2.5);
        cell.Iqr.Value.ShouldBe(1.75);
        cell.Disagreement.IsDisagreement.ShouldBe(true);
        cell.Disagreement.RatingsInLowestThird.ShouldBe(1);
        cell.Disagreement.RatingsInHighestThird.ShouldBe(2);
        cell.City.ShouldBe(1);
        cell.County.ShouldBe(3.5);
        cell.CityMinusCounty.Value.ShouldBe(-2.5);
        PanelDisagreementReading.Describe(cell.Disagreement).ShouldStartWith("the panel disagrees: 1 of 4 ratings in the lowest third");
    }

    [Fact]
    public void one_government_alone_gives_no_divergence_and_says_which_is_missing()
    {
        var report = AssessmentAgreement.Of(Board(Rated(Fleet, Factor.Challenges, 3, CityA)));

        var cell = report.ByArea.Single(a => a.AreaId == Fleet).ByFactor[Factor.Challenges];
        cell.CityMinusCounty.Reason.ShouldBe(AgreementReportReasons.NoCountyRating);
        cell.Disagreement.Reason.ShouldBe(UndefinedReasons.OneRater);
        cell.Iqr.Value.ShouldBe(0);
    }

    [Fact]
    public void reviewers_who_agree_within_every_cell_while_cells_differ_have_alpha_1()
    {
        // Observed disagreement is zero and expected disagreement is not (values 1 and 3 both occur): alpha = 1.
        var report = AssessmentAgreement.Of(Board(
            Rated(Payroll, Factor.Similarity, 1, CityA),
            Rated(Payroll, Factor.Similarity, 1, CountyC),
            Rated(Fleet, Factor.Similarity, 3, CityA),
            Rated(Fleet, Factor.Similarity, 3, CountyC),
            Rated(Fleet, Factor.Centralization, 2, CityA),
            Rated(Fleet, Factor.Centralization, 2, CountyC)));

        report.Alpha.Value.ShouldBe(1);
        report.ByFactor[Factor.Similarity].Alpha.Value.ShouldBe(1);
        report.ByFactor[Factor.Centralization].Alpha.Reason.ShouldBe(UndefinedReasons.NoVariationAlpha,
            "one cell with both at 2: perfect agreement, but nothing varies");
        report.ByFactor[Factor.Efficiencies].Alpha.Reason.ShouldBe(UndefinedReasons.FewerThanTwoPairableRatings);
        report.ByFactor[Factor.Similarity].KappaCityCounty.Value.ShouldBe(1, "city (1, 3) and county (1, 3) agree exactly");
        report.ByFactor[Factor.Similarity].AreasRatedByBoth.ShouldBe(2);
        report.Reviewers.ShouldBe(2);
        report.Ratings.ShouldBe(6);
    }

    [Fact]
    public void alpha_takes_cells_as_units_and_reviewers_as_coders_with_missing_ratings_left_out()
    {
        var report = AssessmentAgreement.Of(Board(
            Rated(Payroll, Factor.Similarity, 0, CityA),
            Rated(Payroll, Factor.Similarity, 1, CityB),
            Rated(Payroll, Factor.Similarity, 1, CountyC),
            Rated(Fleet, Factor.Similarity, 3, CityA),
            Rated(Fleet, Factor.Similarity, 4, CountyC),
            Rated(Fleet, Factor.Efficiencies, 2, CityB),
            Rated(Fleet, Factor.Efficiencies, 4, CountyD),
            Rated(Payroll, Factor.Efficiencies, 2, CountyD)));

        // The same data as reliability data: one row per cell, one column per reviewer A, B, C, D.
        // similarity [[0, 1, 1, -], [3, -, 4, -]]; efficiencies [[-, -, -, 2], [-, 2, -, 4]] (the first row has one
        // value, so it pairs with nothing). Expected values are exact fractions worked from Krippendorff's (2011)
        // coincidence-matrix definition with the ordinal metric, independently of KrippendorffAlpha.
        report.ByFactor[Factor.Similarity].Alpha.Value!.Value.ShouldBe(69.0 / 95, 1e-12);
        report.ByFactor[Factor.Efficiencies].Alpha.Value!.Value.ShouldBe(0, 1e-12, "all pairable values in one unit: alpha is 0");
        report.Alpha.Value!.Value.ShouldBe(83.0 / 126, 1e-12);
        report.ByArea.Single(a => a.AreaId == Fleet).Alpha.Value!.Value.ShouldBe(-5.0 / 12, 1e-12);
    }

    [Fact]
    public void kappa_between_the_governments_pairs_the_city_and_county_values_of_each_area()
    {
        // City values: Payroll median(1, 3) = 2, Fleet 4. County values: Payroll 1, Fleet 3.
        var report = AssessmentAgreement.Of(Board(
            Rated(Payroll, Factor.Challenges, 1, CityA),
            Rated(Payroll, Factor.Challenges, 3, CityB),
            Rated(Payroll, Factor.Challenges, 1, CountyC),
            Rated(Fleet, Factor.Challenges, 4, CityA),
            Rated(Fleet, Factor.Challenges, 3, CountyC)));

        // By hand: observed mean squared difference ((2-1)^2 + (4-3)^2) / 2 = 1; chance pairs (2,1) (2,3) (4,1) (4,3)
        // give (1 + 1 + 9 + 1) / 4 = 3; kappa = 1 - 1/3.
        report.ByFactor[Factor.Challenges].KappaCityCounty.Value!.Value.ShouldBe(2.0 / 3, 1e-12);
    }

}
