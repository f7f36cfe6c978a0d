namespace ServiceSharing.Domain.Rubric;

/// <summary>What one step of the 0-4 Harvey-ball scale means for one factor, so that a "3" means the same to everyone.</summary>
public sealed record ScaleAnchor(int Score, string Label, string Description);

public sealed record FactorAnchors(Factor Factor, string Label, IReadOnlyList<ScaleAnchor> Steps);

/// <summary>
/// Anchor descriptions for each factor and scale step of the study's rubric, shown to reviewers in a calibration
/// round. A calibration round copies them into its opening event, so a round replayed later shows the words its
/// reviewers rated against even if these are reworded.
/// </summary>
public static class ScaleAnchors
{
    public static IReadOnlyList<FactorAnchors> Default { get; } =
    [
        For(Factor.Similarity,
            "The two governments do different work here: different mandates, clients, laws or professional specialties; little would carry over.",
            "A few tasks overlap, but most of the work is specialized to each government's mandate or clients.",
            "About half of the work is the same kind of task; the rest depends on rules, systems or clients of one government only.",
            "Most of the work is the same kind of task with similar skills and processes; differences are the exception.",
            "Essentially the same function done twice: the same tasks, skills and standards, with no distinct specialization on either side."),
        For(Factor.Efficiencies,
            "Sharing would save nothing: no duplicated staff, contracts, equipment or space, and costs could rise.",
            "Small savings in a few purchases or contracts; staffing would stay essentially the same.",
            "Some duplicated positions, contracts or equipment could be combined; savings are noticeable but modest.",
            "Clear duplication of staff, facilities or contracts; combining them would free money or capacity within a few years.",
            "Large savings in both personnel and operations that are readily achievable; the duplication is obvious and documented."),
        For(Factor.Challenges,
            "Neither government faces a notable challenge here, or sharing would not help with the ones it faces.",
            "Minor challenges each government can handle on its own.",
            "A real challenge on one side (vacancies, ageing systems, deferred capital needs) that sharing could partly ease.",
            "Serious challenges on one or both sides, such as hard-to-fill positions, end-of-life IT or large capital needs, that sharing would clearly help.",
            "Pressing challenges on both sides that neither can meet well alone and that a shared approach would address directly."),
        For(Factor.Centralization,
            "The work has to stay close to each department's operations; centralizing it would hurt service or is impractical.",
            "Little to gain from centralizing; most of the work has to happen in or next to each department.",
            "Parts of the work (back-office processing, for one) could be centralized; the rest stays where it is.",
            "Most of the work could run from one central unit, gaining scale, common standards or specialists.",
            "One central operation is clearly the most efficient model; where the work happens and which department it serves matter little.")
    ];

    private static FactorAnchors For(Factor factor, params string[] descriptions)
    {
        var rubric = AssessmentRubric.Default;
        return new FactorAnchors(
            factor,
            rubric.Factors.Single(f => f.Factor == factor).Label,
            rubric.Scale.Select(step => new ScaleAnchor(step.Score, step.Label, descriptions[step.Score])).ToList());
    }
}
