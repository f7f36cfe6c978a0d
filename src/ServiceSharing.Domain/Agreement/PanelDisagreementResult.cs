namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// Outcome of the RAND/UCLA disagreement test for one item (see <see cref="PanelDisagreement"/>).
/// </summary>
/// <param name="IsDisagreement">True or false; null when undefined, with <paramref name="Reason"/> saying why.</param>
/// <param name="PanelSize">Ratings given (missing ones excluded).</param>
/// <param name="RatingsInLowestThird">Ratings in the lowest third of the scale (0 or 1 on the 0-4 scale).</param>
/// <param name="RatingsInHighestThird">Ratings in the highest third of the scale (3 or 4 on the 0-4 scale).</param>
/// <param name="RequiredInEachExtreme">How many ratings each extreme third needs for disagreement.</param>
/// <param name="Reason">Why the test is undefined (<see cref="UndefinedReasons.NoRatings"/> or <see cref="UndefinedReasons.OneRater"/>); null when defined.</param>
public sealed record PanelDisagreementResult(
    bool? IsDisagreement,
    int PanelSize,
    int RatingsInLowestThird,
    int RatingsInHighestThird,
    int RequiredInEachExtreme,
    string? Reason);
