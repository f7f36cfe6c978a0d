using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Decisions;

/// <summary>Short spellings for test data, in the rubric's order: similarity, efficiencies, challenges, centralization.</summary>
internal static class Joints
{
    public static IReadOnlyDictionary<Factor, int?> Of(int? similarity, int? efficiencies, int? challenges, int? centralization) =>
        new Dictionary<Factor, int?>
        {
            [Factor.Similarity] = similarity,
            [Factor.Efficiencies] = efficiencies,
            [Factor.Challenges] = challenges,
            [Factor.Centralization] = centralization
        };

    public static DecisionModel Model(double similarity, double efficiencies, double challenges, double centralization, double yes, double maybe) =>
        new(new Dictionary<Factor, double>
        {
            [Factor.Similarity] = similarity,
            [Factor.Efficiencies] = efficiencies,
            [Factor.Challenges] = challenges,
            [Factor.Centralization] = centralization
        }, yes, maybe);
}
