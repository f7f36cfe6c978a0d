namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The disagreement rule of the RAND/UCLA Appropriateness Method (Fitch et al. 2001, The RAND/UCLA
/// Appropriateness Method User's Manual, RAND MR-1269): a panel disagrees when about a third of it
/// rates in the lowest third of the scale and about a third in the highest third.
/// </summary>
/// <remarks>
/// <para>
/// Scale thirds: the manual's 1-9 scale splits into 1-3, 4-6 and 7-9. For a scale from min to max
/// a rating is in the lowest third when it is at most min + (max - min) / 3 and in the highest
/// third when it is at least max - (max - min) / 3. That reproduces 1-3 and 7-9 on the 1-9 scale,
/// and on the 0-4 Harvey-ball scale gives 0-1 (lowest), 2 (middle) and 3-4 (highest): an empty or
/// quarter ball against a three-quarter or full ball is a disagreement, a half ball is neutral, and
/// half steps 1.5 and 2.5 from medians stay in the middle.
/// </para>
/// <para>
/// "A third of the panel" is the panel size divided by 3 rounded to the nearest whole rater,
/// because that reproduces the manual's table of definitions for panels of 8-10, 11-13 and 14-16
/// members (at least 3, 4 and 5 ratings in each extreme third), where rounding up would ask for 4
/// of 10. For panel sizes that are multiples of 3 it is exactly one third. For two reviewers it
/// means one rating in each extreme.
/// </para>
/// </remarks>
public static class PanelDisagreement
{
    /// <param name="ratings">The panel's ratings of one item; null entries (not rated) are ignored.</param>
    /// <param name="scaleMinimum">Lowest point of the rating scale, 0 for Harvey balls.</param>
    /// <param name="scaleMaximum">Highest point of the rating scale, 4 for Harvey balls.</param>
    /// <returns>
    /// The test result; <see cref="PanelDisagreementResult.IsDisagreement"/> is null with
    /// <see cref="UndefinedReasons.NoRatings"/> for no ratings and <see cref="UndefinedReasons.OneRater"/>
    /// for a single rating.
    /// </returns>
    /// <exception cref="ArgumentException">The bounds are not finite with minimum below maximum, or a rating is outside them.</exception>
    public static PanelDisagreementResult Assess(IEnumerable<double?> ratings, double scaleMinimum = 0, double scaleMaximum = 4)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (!double.IsFinite(scaleMinimum) || !double.IsFinite(scaleMaximum) || scaleMinimum >= scaleMaximum)
        {
            throw new ArgumentException("The scale needs finite bounds with the minimum below the maximum.");
        }

        var given = ratings.Where(rating => rating.HasValue).Select(rating => rating!.Value).ToList();
        if (given.Any(rating => !(rating >= scaleMinimum && rating <= scaleMaximum)))
        {
            throw new ArgumentOutOfRangeException(nameof(ratings), "Every rating must lie within the scale bounds.");
        }

        var range = scaleMaximum - scaleMinimum;
        // Comparing 3 * distance with the range avoids rounding 1/3 of the scale.
        var lowest = given.Count(rating => 3 * (rating - scaleMinimum) <= range);
        var highest = given.Count(rating => 3 * (scaleMaximum - rating) <= range);
        var required = RequiredInEachExtreme(given.Count);

        return given.Count switch
        {
            0 => new PanelDisagreementResult(null, 0, 0, 0, required, UndefinedReasons.NoRatings),
            1 => new PanelDisagreementResult(null, 1, lowest, highest, required, UndefinedReasons.OneRater),
            _ => new PanelDisagreementResult(lowest >= required && highest >= required, given.Count, lowest, highest, required, null),
        };
    }

    /// <summary>A third of the panel, rounded to the nearest rater (n / 3 never ends in exactly .5).</summary>
    public static int RequiredInEachExtreme(int panelSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(panelSize);
        return (panelSize + 1) / 3;
    }
}
