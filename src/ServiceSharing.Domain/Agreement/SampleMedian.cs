namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The median rating: the middle value, or the mean of the two middle values for an even count
/// (so two reviewers rating 2 and 3 give 2.5). It is the 0.5 quantile of Hyndman and Fan's (1996)
/// definition 7, kept consistent with <see cref="InterquartileRange"/>.
/// </summary>
public static class SampleMedian
{
    /// <param name="ratings">Null entries (not rated) are ignored.</param>
    /// <returns>The median, or undefined with <see cref="UndefinedReasons.NoRatings"/> when there are no ratings.</returns>
    /// <exception cref="ArgumentException">A rating is NaN or infinite.</exception>
    public static Statistic Of(IEnumerable<double?> ratings) => SampleQuantile.Of(ratings, 0.5);
}
