namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// Krippendorff's alpha reliability coefficient for any number of raters with missing ratings,
/// computed from the coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability" (Annenberg School for Communication, University of Pennsylvania):
/// alpha = 1 - D_o / D_e = 1 - (n.. - 1) * sum o_ck delta-squared_ck / sum n_c n_k delta-squared_ck.
/// </summary>
public static class KrippendorffAlpha
{
    /// <param name="valuesByUnit">
    /// One list per unit (e.g. one service area on one factor), one entry per rater, null where
    /// that rater gave no rating. Units with fewer than two ratings are dropped.
    /// </param>
    /// <param name="metric">Use <see cref="AlphaMetric.Ordinal"/> for the 0-4 Harvey-ball scale.</param>
    /// <returns>
    /// Alpha, at most 1 (1 = perfect agreement, 0 = agreement at chance level, below 0 = systematic
    /// disagreement). Undefined, never NaN:
    /// <list type="bullet">
    /// <item><see cref="UndefinedReasons.FewerThanTwoPairableRatings"/> when no unit has two or more
    /// ratings (no units, a single rater, or raters who never rated the same unit);</item>
    /// <item><see cref="UndefinedReasons.NoVariationAlpha"/> when every pairable rating is the same
    /// value: then D_o = D_e = 0 and alpha would be 0/0.</item>
    /// </list>
    /// </returns>
    /// <exception cref="ArgumentException">A unit list is null, or a rating is NaN or infinite, or negative with the ratio metric.</exception>
    public static Statistic Compute(IReadOnlyList<IReadOnlyList<double?>> valuesByUnit, AlphaMetric metric)
    {
        var matrix = CoincidenceMatrix.FromUnits(valuesByUnit);
        if (matrix.PairableValueCount < 2)
        {
            return Statistic.Undefined(UndefinedReasons.FewerThanTwoPairableRatings);
        }

        var differences = AlphaDifference.Table(metric, matrix);
        var observed = 0.0;
        var expected = 0.0;
        for (var c = 0; c < matrix.Values.Count; c++)
        {
            for (var k = 0; k < matrix.Values.Count; k++)
            {
                observed += matrix.CoincidencesAt(c, k) * differences[c, k];
                expected += matrix.MarginalAt(c) * matrix.MarginalAt(k) * differences[c, k];
            }
        }

        // Every metric gives a positive difference to two distinct values, so the expected
        // disagreement is zero exactly when only one value occurs.
        if (expected == 0)
        {
            return Statistic.Undefined(UndefinedReasons.NoVariationAlpha);
        }

        return Statistic.Defined(1 - (matrix.PairableValueCount - 1) * observed / expected);
    }
}
