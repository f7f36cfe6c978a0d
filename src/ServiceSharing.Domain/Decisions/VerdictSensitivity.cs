using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Decisions;

/// <summary>What would change one factor's contribution enough to change the suggested verdict, in each direction.</summary>
public sealed record FactorSensitivity(
    Factor Factor,
    double Weight,
    int? Joint,
    WeightFlip? WeightUp,
    WeightFlip? WeightDown,
    string? WeightReason,
    RatingFlip? RatingUp,
    RatingFlip? RatingDown,
    string? RatingReason);

/// <summary>For one area: the suggestion, and the smallest single change of a weight, or of a joint rating, that flips it.</summary>
public sealed record AreaSensitivity(
    Suggestion Suggestion,
    IReadOnlyList<FactorSensitivity> ByFactor,
    WeightFlip? SmallestWeightChange,
    string? WeightReason,
    RatingFlip? SmallestRatingChange,
    string? RatingReason);

/// <summary>
/// "What flips the verdict": one factor changes at a time, everything else stays as it is. Ties between factors
/// go to the one first in the rubric's order, raising before lowering.
/// </summary>
public static class VerdictSensitivity
{
    public static AreaSensitivity Of(DecisionModel model, IReadOnlyDictionary<Factor, int?> joints)
    {
        var suggestion = AreaScoring.Suggest(model, joints);
        if (suggestion.Score is not { } score || suggestion.Verdict is not { } verdict)
        {
            var why = DecisionReasons.NothingToFlip(suggestion.Reason!);
            var unknown = Enum.GetValues<Factor>()
                .Select(f => new FactorSensitivity(f, model.WeightOf(f), joints.GetValueOrDefault(f), null, null, why, null, null, why))
                .ToList();
            return new AreaSensitivity(suggestion, unknown, null, why, null, why);
        }

        var byFactor = Enum.GetValues<Factor>().Select(f => OfFactor(model, joints, f, score, verdict)).ToList();
        var weightFlips = byFactor.SelectMany(f => new[] { f.WeightUp, f.WeightDown }).OfType<WeightFlip>().ToList();
        var ratingFlips = byFactor.SelectMany(f => new[] { f.RatingUp, f.RatingDown }).OfType<RatingFlip>().ToList();
        // MinBy keeps the first of equal ones, which is the rubric's order, raising first.
        var smallestWeight = weightFlips.MinBy(f => Math.Abs(f.Change));
        var smallestRating = ratingFlips.MinBy(f => Math.Abs(f.Change));
        return new AreaSensitivity(
            suggestion,
            byFactor,
            smallestWeight,
            smallestWeight is null ? DecisionReasons.NoSingleWeightFlips : null,
            smallestRating,
            smallestRating is null ? DecisionReasons.NoSingleRatingFlips : null);
    }

    private static FactorSensitivity OfFactor(DecisionModel model, IReadOnlyDictionary<Factor, int?> joints, Factor factor, double score, Verdict verdict)
    {
        var weight = model.WeightOf(factor);
        var joint = joints.GetValueOrDefault(factor);
        var (weightUp, weightDown, weightReason) = WeightFlips(model, joints, factor, score, verdict);
        var (ratingUp, ratingDown, ratingReason) = RatingFlips(model, joints, factor, verdict);
        return new FactorSensitivity(factor, weight, joint, weightUp, weightDown, weightReason, ratingUp, ratingDown, ratingReason);
    }

    // With the other factors fixed, the score as a function of this factor's weight w is
    // S(w) = (A + w r) / (B + w), A and B the weighted sum and total weight of the others, r this factor's joint
    // rating. S moves monotonically from A / B (at w = 0) towards r as w grows, so each direction can cross at most
    // the one threshold that bounds the current verdict on that side, at w* = (t B - A) / (r - t).
    private static (WeightFlip? Up, WeightFlip? Down, string? Reason) WeightFlips(
        DecisionModel model, IReadOnlyDictionary<Factor, int?> joints, Factor factor, double score, Verdict verdict)
    {
        if (joints.GetValueOrDefault(factor) is not { } rating)
        {
            return (null, null, DecisionReasons.NotRatedJointly);
        }

        var others = model.WeightedFactors().Where(f => f != factor).ToList();
        var totalOfOthers = others.Sum(model.WeightOf);
        if (totalOfOthers == 0)
        {
            return (null, null, DecisionReasons.OnlyWeightedFactor);
        }

        var sumOfOthers = others.Sum(f => model.WeightOf(f) * joints[f]!.Value);
        double ScoreAt(double w) => (sumOfOthers + w * rating) / (totalOfOthers + w);
        double WeightWhereScoreIs(double threshold) => (threshold * totalOfOthers - sumOfOthers) / (rating - threshold);

        WeightFlip? Towards(double endWeight)
        {
            var from = model.WeightOf(factor);
            if (endWeight == from)
            {
                return null;
            }

            var endScore = ScoreAt(endWeight);
            double? boundary = null;
            Verdict newVerdict;
            bool flipsAtBoundary;
            if (endScore > score && model.UpperEdgeOf(verdict) is { } upper && DecisionModel.Reaches(endScore, upper))
            {
                (boundary, newVerdict, flipsAtBoundary) = (upper, model.VerdictFor(upper), true);
            }
            else if (endScore < score && model.LowerEdgeOf(verdict) is { } lower && !DecisionModel.Reaches(endScore, lower))
            {
                (boundary, newVerdict, flipsAtBoundary) = (lower, model.VerdictJustBelow(lower), false);
            }
            else
            {
                return null;
            }

            // Within the tolerance the score may count as on the threshold while r equals it; the end is then the boundary.
            var to = rating == boundary ? endWeight : WeightWhereScoreIs(boundary.Value);
            to = Math.Clamp(to, Math.Min(from, endWeight), Math.Max(from, endWeight));
            return new WeightFlip(factor, from, to, newVerdict, flipsAtBoundary);
        }

        var up = Towards(DecisionModel.MaxWeight);
        var down = Towards(0);
        return (up, down, up is null && down is null ? DecisionReasons.NoWeightFlips : null);
    }

    private static (RatingFlip? Up, RatingFlip? Down, string? Reason) RatingFlips(
        DecisionModel model, IReadOnlyDictionary<Factor, int?> joints, Factor factor, Verdict verdict)
    {
        if (model.WeightOf(factor) == 0)
        {
            return (null, null, DecisionReasons.WeighsNothing);
        }

        var current = joints[factor]!.Value;

        RatingFlip? FirstFlip(IEnumerable<int> candidates)
        {
            foreach (var candidate in candidates)
            {
                var changed = joints.ToDictionary(p => p.Key, p => p.Key == factor ? candidate : p.Value);
                var candidateVerdict = model.VerdictFor(AreaScoring.Score(model, changed));
                if (candidateVerdict != verdict)
                {
                    return new RatingFlip(factor, current, candidate, candidateVerdict);
                }
            }

            return null;
        }

        var up = FirstFlip(Enumerable.Range(current + 1, AssessmentRubric.MaxScore - current));
        var down = FirstFlip(Enumerable.Range(AssessmentRubric.MinScore, current - AssessmentRubric.MinScore).Reverse());
        return (up, down, up is null && down is null ? DecisionReasons.NoRatingFlips : null);
    }
}
