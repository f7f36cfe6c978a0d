using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Decisions;

/// <summary>The verdict an area's joint ratings suggest under a model, or why there is none yet.</summary>
/// <param name="Score">Weighted mean of the joint ratings of the factors that carry weight.</param>
public sealed record Suggestion(double? Score, Verdict? Verdict, string? Reason)
{
    public static Suggestion None(string reason) => new(null, null, reason);
}

public static class AreaScoring
{
    /// <summary>An area's joint ratings by factor, null where the panel has not agreed one yet.</summary>
    public static IReadOnlyDictionary<Factor, int?> JointRatingsOf(FunctionalArea area) =>
        Enum.GetValues<Factor>().ToDictionary(factor => factor, factor => area.PeekRatings(factor)?.Joint);

    /// <summary>
    /// The weighted mean of the joint ratings, and the verdict it suggests. A factor that carries weight but has
    /// no joint rating yet means no suggestion: averaging only the rated factors would quietly give the others'
    /// weight to them, and a suggestion should not change its meaning as ratings come in. A factor with weight 0
    /// may be unrated.
    /// </summary>
    public static Suggestion Suggest(DecisionModel model, IReadOnlyDictionary<Factor, int?> joints)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(joints);
        var weighted = model.WeightedFactors();
        if (weighted.Count == 0)
        {
            return Suggestion.None(DecisionReasons.NoFactorWeighs);
        }

        var missing = weighted.Where(f => joints.GetValueOrDefault(f) is null).ToList();
        if (missing.Count > 0)
        {
            return Suggestion.None(DecisionReasons.MissingJointRatings(missing));
        }

        var score = Score(model, joints);
        return new Suggestion(score, model.VerdictFor(score), null);
    }

    /// <summary>The weighted mean, for joint ratings complete on every weighted factor.</summary>
    public static double Score(DecisionModel model, IReadOnlyDictionary<Factor, int?> joints)
    {
        var weighted = model.WeightedFactors();
        return weighted.Sum(f => model.WeightOf(f) * joints[f]!.Value) / weighted.Sum(model.WeightOf);
    }
}
