using ServiceSharing.Domain.Agreement;
using ServiceSharing.Domain.AgreementReports;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.Agreement;

// The contract of GET /api/assessments/{id}/agreement is the names alpha, byFactor.{factor}.{alpha, kappaCityCounty},
// byArea[].{areaId, byFactor.{factor}.{median, iqr, disagreement, cityMinusCounty}}. Every statistic is a number or
// null; beside it, "...Reason" says why it is null and "...Reading" says what it means in plain words.

public sealed record AgreementView(
    Guid AssessmentId,
    long Version,
    double? Alpha,
    string? AlphaReason,
    string AlphaReading,
    int Reviewers,
    int Ratings,
    IReadOnlyDictionary<string, FactorAgreementView> ByFactor,
    IReadOnlyList<AreaAgreementView> ByArea)
{
    public static AgreementView From(Assessment assessment)
    {
        var report = AssessmentAgreement.Of(assessment);
        return new AgreementView(
            assessment.Id,
            assessment.Version,
            report.Alpha.Value,
            report.Alpha.Reason,
            KrippendorffReliabilityStandard.Describe(report.Alpha),
            report.Reviewers,
            report.Ratings,
            report.ByFactor.ToDictionary(p => p.Key.Key(), p => FactorAgreementView.From(p.Value)),
            report.ByArea.Select(AreaAgreementView.From).ToList());
    }
}

public sealed record FactorAgreementView(
    double? Alpha,
    string? AlphaReason,
    string AlphaReading,
    double? KappaCityCounty,
    string? KappaCityCountyReason,
    string KappaCityCountyReading,
    int AreasRatedByBoth)
{
    public static FactorAgreementView From(FactorAgreement factor) => new(
        factor.Alpha.Value,
        factor.Alpha.Reason,
        KrippendorffReliabilityStandard.Describe(factor.Alpha),
        factor.KappaCityCounty.Value,
        factor.KappaCityCounty.Reason,
        LandisKochScale.Describe(factor.KappaCityCounty),
        factor.AreasRatedByBoth);
}

public sealed record AreaAgreementView(
    Guid AreaId,
    string Name,
    double? Alpha,
    string? AlphaReason,
    string AlphaReading,
    IReadOnlyDictionary<string, CellAgreementView> ByFactor)
{
    public static AreaAgreementView From(AreaAgreement area) => new(
        area.AreaId,
        area.Name,
        area.Alpha.Value,
        area.Alpha.Reason,
        KrippendorffReliabilityStandard.Describe(area.Alpha),
        area.ByFactor.ToDictionary(p => p.Key.Key(), p => CellAgreementView.From(p.Value)));
}

public sealed record CellAgreementView(
    int Ratings,
    double? Median,
    string? MedianReason,
    double? Iqr,
    string? IqrReason,
    bool? Disagreement,
    string? DisagreementReason,
    string DisagreementReading,
    double? City,
    double? County,
    double? CityMinusCounty,
    string? CityMinusCountyReason)
{
    public static CellAgreementView From(CellAgreement cell) => new(
        cell.Ratings,
        cell.Median.Value,
        cell.Median.Reason,
        cell.Iqr.Value,
        cell.Iqr.Reason,
        cell.Disagreement.IsDisagreement,
        cell.Disagreement.Reason,
        PanelDisagreementReading.Describe(cell.Disagreement),
        cell.City,
        cell.County,
        cell.CityMinusCounty.Value,
        cell.CityMinusCounty.Reason);
}
