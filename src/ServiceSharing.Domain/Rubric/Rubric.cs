namespace ServiceSharing.Domain.Rubric;

/// <summary>A factor as an assessment words it; Description says more for the raters (optional).</summary>
public sealed record FactorDefinition(Factor Factor, string Label, string? Description = null);

/// <summary>How the board names the two governments at the table.</summary>
public sealed record GovernmentNames(string City, string County)
{
    public static GovernmentNames Default { get; } = new("City", "County");
}

/// <summary>One step of the Harvey-ball scale: 0 is an empty ball, 4 a full one.</summary>
public sealed record ScaleStep(int Score, string Label);

/// <summary>The rubric an assessment is scored with. It travels in the AssessmentCreated event, so a board
/// replayed years later shows the labels it was scored with.</summary>
public sealed record AssessmentRubric(IReadOnlyList<FactorDefinition> Factors, IReadOnlyList<ScaleStep> Scale)
{
    public const int MinScore = 0;
    public const int MaxScore = 4;

    /// <summary>The factor wording of the study's "Scoring the functional areas" slide.</summary>
    public static AssessmentRubric Default { get; } = new(
        [
            new(Factor.Similarity, "Similarity/Lack of distinct specialization"),
            new(Factor.Efficiencies, "Potential for both personnel and operational efficiencies"),
            new(Factor.Challenges, "Major challenges (e.g. HR, IT, capital needs) that might benefit from sharing"),
            new(Factor.Centralization, "Potential for efficiency via centralization")
        ],
        [
            new(0, "None (empty ball)"),
            new(1, "Low (quarter ball)"),
            new(2, "Moderate (half ball)"),
            new(3, "High (three-quarter ball)"),
            new(4, "Very high (full ball)")
        ]);

    public static bool IsOnScale(int score) => score is >= MinScore and <= MaxScore;
}
