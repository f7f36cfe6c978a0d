namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// Cohen's (1968) weighted kappa for two raters, e.g. the City value against the County value of
/// each service area on one factor: kappa_w = 1 - D_o / D_e, where D_o is the mean disagreement
/// weight of the observed pairs and D_e the mean weight if the two raters' values were paired at
/// random (the product of their marginal distributions).
/// </summary>
/// <remarks>
/// Values are real numbers, not category indices, so a side's median of 2.5 is used as it is.
/// Rounding it to 2 or 3 would invent agreement or disagreement depending on the rounding rule.
/// With <see cref="KappaWeighting.Quadratic"/> this is exactly quadratic-weighted kappa on integer
/// categories, and for any real values it keeps its meaning through the equivalence with the
/// intraclass correlation shown by Fleiss and Cohen (1973); in exact form, from the two-way
/// analysis of variance of units by raters,
/// kappa_w = (SS_units - SS_error) / (SS_units + SS_error + 2 SS_raters).
/// </remarks>
public static class WeightedKappa
{
    /// <param name="pairs">One pair per unit; a pair missing either value is left out (listwise deletion).</param>
    /// <param name="weighting">Use <see cref="KappaWeighting.Quadratic"/> for the 0-4 Harvey-ball scale.</param>
    /// <returns>
    /// Kappa, at most 1 (1 = perfect agreement, 0 = chance agreement). Undefined, never NaN:
    /// <list type="bullet">
    /// <item><see cref="UndefinedReasons.FewerThanTwoRatedPairs"/> when fewer than two units have both values;</item>
    /// <item><see cref="UndefinedReasons.NoVariationKappa"/> when every value of both raters is the same, so D_o = D_e = 0;</item>
    /// <item><see cref="UndefinedReasons.NoExpectedDisagreement"/> when custom weights make D_e zero although values vary.</item>
    /// </list>
    /// </returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static Statistic Compute(IReadOnlyList<RatingPair> pairs, KappaWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(weighting);

        var complete = pairs
            .Where(pair => pair.First.HasValue && pair.Second.HasValue)
            .Select(pair => (First: pair.First!.Value, Second: pair.Second!.Value))
            .ToList();
        if (complete.Any(pair => !double.IsFinite(pair.First) || !double.IsFinite(pair.Second)))
        {
            throw new ArgumentException("Ratings must be finite numbers; use null for a missing rating.", nameof(pairs));
        }

        if (complete.Count < 2)
        {
            return Statistic.Undefined(UndefinedReasons.FewerThanTwoRatedPairs);
        }

        var observed = complete.Average(pair => weighting.Disagreement(pair.First, pair.Second));
        var expected = ChanceExpectedDisagreement(complete, weighting);
        if (expected == 0)
        {
            var everyValueEqual = complete.SelectMany(pair => new[] { pair.First, pair.Second }).Distinct().Count() == 1;
            return Statistic.Undefined(everyValueEqual ? UndefinedReasons.NoVariationKappa : UndefinedReasons.NoExpectedDisagreement);
        }

        return Statistic.Defined(1 - observed / expected);
    }

    // sum over value pairs of p_first(a) * p_second(b) * v(a, b): the weighted disagreement expected
    // if the raters' values were independent, with each rater keeping their own marginal distribution.
    private static double ChanceExpectedDisagreement(List<(double First, double Second)> complete, KappaWeighting weighting)
    {
        var firstCounts = complete.CountBy(pair => pair.First).ToList();
        var secondCounts = complete.CountBy(pair => pair.Second).ToList();
        var total = 0.0;
        foreach (var (first, firstCount) in firstCounts)
        {
            foreach (var (second, secondCount) in secondCounts)
            {
                total += (double)firstCount * secondCount * weighting.Disagreement(first, second);
            }
        }

        return total / ((double)complete.Count * complete.Count);
    }
}
