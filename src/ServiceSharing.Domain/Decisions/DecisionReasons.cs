using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Decisions;

/// <summary>Why a suggestion or a flip does not exist, in words a facilitator can act on.</summary>
public static class DecisionReasons
{
    public const string NoFactorWeighs = "every factor weighs 0, so there is no score";

    public static string MissingJointRatings(IEnumerable<Factor> factors) =>
        $"no joint rating yet for {string.Join(", ", factors.Select(f => f.Key()))}; "
        + "the score needs a joint rating for every factor that carries weight";

    public static string NothingToFlip(string why) => $"no suggested verdict to change: {why}";

    public const string NotRatedJointly =
        "no joint rating yet: giving this factor weight would withdraw the suggestion rather than change it";

    public const string OnlyWeightedFactor =
        "the only factor with weight: the score is its joint rating whatever its weight";

    public static readonly string NoWeightFlips = $"no weight from 0 to {DecisionModel.MaxWeight} for this factor changes the suggested verdict";

    public const string WeighsNothing = "weighs 0, so its joint rating does not count";

    public static readonly string NoRatingFlips = $"no joint rating from {Scale} for this factor changes the suggested verdict";

    public static readonly string NoSingleWeightFlips =
        $"no change of a single factor's weight (0 to {DecisionModel.MaxWeight}) changes the suggested verdict";

    public static readonly string NoSingleRatingFlips =
        $"no change of a single factor's joint rating ({Scale}) changes the suggested verdict";

    private static string Scale => $"{AssessmentRubric.MinScore} to {AssessmentRubric.MaxScore}";
}
