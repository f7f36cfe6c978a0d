namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// Plain-words reading of Krippendorff's alpha with its author's own guidance (Krippendorff 2004,
/// Content Analysis: An Introduction to Its Methodology, 2nd ed., p. 241): rely on data with
/// alpha of .800 or more, consider data with .667 to .800 only for tentative conclusions, and
/// discard data below .667. Used for <see cref="KrippendorffAlpha"/> instead of Landis and Koch,
/// whose bands were written for kappa and are more lenient.
/// </summary>
public static class KrippendorffReliabilityStandard
{
    public static ReliabilityVerdict Classify(double alpha) => alpha switch
    {
        >= 0.800 => ReliabilityVerdict.Reliable,
        >= 0.667 => ReliabilityVerdict.TentativeConclusionsOnly,
        _ => ReliabilityVerdict.Unreliable,
    };

    /// <summary>E.g. "reliable (alpha at least .800)", or "cannot be judged: {reason}" for an undefined alpha.</summary>
    public static string Describe(Statistic alpha)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        if (alpha.Value is not { } value)
        {
            return $"cannot be judged: {alpha.Reason}";
        }

        return Classify(value) switch
        {
            ReliabilityVerdict.Reliable => "reliable (alpha at least .800)",
            ReliabilityVerdict.TentativeConclusionsOnly => "good enough for tentative conclusions only (alpha .667 to .800)",
            _ => "unreliable (alpha below .667)",
        };
    }
}
