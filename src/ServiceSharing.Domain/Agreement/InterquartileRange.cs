namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The interquartile range Q3 - Q1, with both quartiles by Hyndman and Fan's (1996) definition 7
/// (linear interpolation, the R default and spreadsheet QUARTILE.INC), see <see cref="SampleQuantile"/>.
/// </summary>
/// <remarks>
/// Tukey's hinges would give other values for small panels; definition 7 was chosen so a reported
/// spread can be checked in any spreadsheet. A single rating has a spread of 0, not an undefined one.
/// </remarks>
public static class InterquartileRange
{
    /// <param name="ratings">Null entries (not rated) are ignored.</param>
    /// <returns>Q3 - Q1, or undefined with <see cref="UndefinedReasons.NoRatings"/> when there are no ratings.</returns>
    /// <exception cref="ArgumentException">A rating is NaN or infinite.</exception>
    public static Statistic Of(IEnumerable<double?> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var given = ratings.ToList();
        var lower = SampleQuantile.Of(given, 0.25);
        var upper = SampleQuantile.Of(given, 0.75);
        return lower.Value is { } q1 && upper.Value is { } q3
            ? Statistic.Defined(q3 - q1)
            : lower;
    }
}
