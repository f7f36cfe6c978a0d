namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// Sample quantiles by definition 7 of Hyndman and Fan (1996), "Sample Quantiles in Statistical
/// Packages", The American Statistician 50(4): linear interpolation between order statistics at
/// position h = (n - 1) p (counting from 0).
/// </summary>
/// <remarks>
/// Definition 7 is the default of R's quantile() and what spreadsheet QUARTILE.INC and
/// PERCENTILE.INC return, so reviewers can reproduce a reported quartile by hand or in a sheet.
/// On the 0-4 scale it may return quarter steps (e.g. 1.75); that is intended, not rounded away.
/// </remarks>
public static class SampleQuantile
{
    /// <param name="values">Ratings; null entries (not rated) are ignored.</param>
    /// <param name="probability">Between 0 and 1: 0.25 is the lower quartile, 0.5 the median.</param>
    /// <returns>The quantile, or undefined with <see cref="UndefinedReasons.NoRatings"/> when there are no values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static Statistic Of(IEnumerable<double?> values, double probability)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Probability must be between 0 and 1.");
        }

        var sorted = values.Where(value => value.HasValue).Select(value => value!.Value).Order().ToArray();
        if (sorted.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("Ratings must be finite numbers; use null for a missing rating.", nameof(values));
        }

        if (sorted.Length == 0)
        {
            return Statistic.Undefined(UndefinedReasons.NoRatings);
        }

        var position = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return Statistic.Defined(sorted[below] + (position - below) * (sorted[above] - sorted[below]));
    }
}
