namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The level of measurement, which selects the difference function delta-squared used by
/// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
/// </summary>
public enum AlphaMetric
{
    /// <summary>Any two different values differ by 1.</summary>
    Nominal,

    /// <summary>
    /// Rank-based difference built from the marginal frequencies of the values between the two
    /// being compared. This is the one to use for the 0-4 Harvey-ball ratings.
    /// </summary>
    Ordinal,

    /// <summary>Squared arithmetic difference of the values.</summary>
    Interval,

    /// <summary>Squared difference relative to the sum of the values; defined for values of zero or more.</summary>
    Ratio,
}
