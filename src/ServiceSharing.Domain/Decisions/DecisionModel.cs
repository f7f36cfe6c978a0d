using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Decisions;

/// <summary>
/// How an area's joint ratings suggest a verdict: the score is the weighted mean of the joint ratings, and the
/// score suggests Yes at or above <see cref="YesAtLeast"/>, Maybe at or above <see cref="MaybeAtLeast"/>, No below.
/// All four factors are oriented the same way (more similarity, efficiencies, challenges that sharing could help,
/// room for centralization all speak for sharing), so a higher score always leans towards Yes.
/// </summary>
/// <param name="Weights">Weight per factor, each 0 to <see cref="MaxWeight"/>, not all 0. Only ratios matter.</param>
public sealed record DecisionModel(IReadOnlyDictionary<Factor, double> Weights, double YesAtLeast, double MaybeAtLeast)
{
    /// <summary>Weights only matter relative to each other; a cap keeps every sum and product finite.</summary>
    public const double MaxWeight = 1000;

    /// <summary>
    /// Binary rounding can leave a score such as 0.1 * 3 + 0.2 * 2 a hair below a threshold it reaches exactly in
    /// decimals; within this distance a score counts as reaching the threshold.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Before a facilitator sets a model: every factor counts the same, and the thresholds read the mean as the
    /// nearest Harvey ball. At 2.5 or more the mean rounds to a three-quarter or full ball ("High", "Very high"):
    /// Yes. From 1.5 it rounds to a half ball ("Moderate"): Maybe. Below 1.5 it rounds to a quarter or empty ball:
    /// No. These sit close to the thirds of the 0-4 scale the RAND/UCLA disagreement rule uses (1.33 and 2.67) but
    /// can be explained without a calculator: "round the average to the nearest ball".
    /// </summary>
    public static DecisionModel Default { get; } = new(
        Enum.GetValues<Factor>().ToDictionary(factor => factor, _ => 1.0),
        YesAtLeast: 2.5,
        MaybeAtLeast: 1.5);

    public double WeightOf(Factor factor) => Weights.TryGetValue(factor, out var weight) ? weight : 0;

    public IReadOnlyList<Factor> WeightedFactors() => Enum.GetValues<Factor>().Where(f => WeightOf(f) > 0).ToList();

    public Verdict VerdictFor(double score) =>
        Reaches(score, YesAtLeast) ? Verdict.Yes
        : Reaches(score, MaybeAtLeast) ? Verdict.Maybe
        : Verdict.No;

    public static bool Reaches(double score, double threshold) => score >= threshold - Tolerance;

    /// <summary>The threshold a score must reach to leave this verdict upwards; null for Yes.</summary>
    public double? UpperEdgeOf(Verdict verdict) => verdict switch
    {
        Verdict.No => MaybeAtLeast,
        Verdict.Maybe => YesAtLeast,
        _ => null
    };

    /// <summary>The threshold a score must fall below to leave this verdict downwards; null for No.</summary>
    public double? LowerEdgeOf(Verdict verdict) => verdict switch
    {
        Verdict.Yes => YesAtLeast,
        Verdict.Maybe => MaybeAtLeast,
        _ => null
    };

    /// <summary>The verdict of scores just below a threshold (with equal thresholds, Maybe has no scores of its own).</summary>
    public Verdict VerdictJustBelow(double threshold) =>
        threshold >= YesAtLeast && MaybeAtLeast < YesAtLeast ? Verdict.Maybe : Verdict.No;
}
