namespace ServiceSharing.Domain.AgreementReports;

/// <summary>Why a divergence between the governments is undefined; constants so callers can test for them.</summary>
public static class AgreementReportReasons
{
    public const string NoCityRating = "no city reviewer has rated this yet";
    public const string NoCountyRating = "no county reviewer has rated this yet";
    public const string NeitherGovernmentRated = "neither government's reviewers have rated this yet";
}
