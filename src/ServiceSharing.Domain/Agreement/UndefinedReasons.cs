namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The reasons returned in <see cref="Statistic.Reason"/> (and <see cref="PanelDisagreementResult.Reason"/>)
/// when a statistic is undefined. They are constants so callers can test for a specific case.
/// </summary>
public static class UndefinedReasons
{
    /// <summary>Krippendorff's alpha: no unit carries values from two or more raters (including data from one rater only).</summary>
    public const string FewerThanTwoPairableRatings =
        "fewer than two pairable ratings: no unit was rated by two or more raters";

    /// <summary>Krippendorff's alpha: every pairable value is the same, so observed and expected disagreement are both zero.</summary>
    public const string NoVariationAlpha =
        "no variation among ratings: agreement is perfect but alpha is undefined";

    /// <summary>Weighted kappa: fewer than two units carry a value from both raters.</summary>
    public const string FewerThanTwoRatedPairs =
        "fewer than two areas were rated by both raters";

    /// <summary>Weighted kappa: both raters gave every unit the same value, so chance-expected disagreement is zero.</summary>
    public const string NoVariationKappa =
        "no variation among ratings: agreement is perfect but kappa is undefined";

    /// <summary>Weighted kappa with custom weights that assign no disagreement to any pair that occurs by chance.</summary>
    public const string NoExpectedDisagreement =
        "the chosen weights give zero chance-expected disagreement, so kappa is undefined";

    /// <summary>Median, quartiles, disagreement flag: the panel gave no ratings at all.</summary>
    public const string NoRatings = "no ratings";

    /// <summary>RAND/UCLA disagreement flag: a single rating cannot disagree with anything.</summary>
    public const string OneRater = "one rater: disagreement needs at least two ratings";
}
