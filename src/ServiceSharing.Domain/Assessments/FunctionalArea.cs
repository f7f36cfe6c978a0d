using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Assessments;

/// <summary>One row of the board: a back-office area with its ratings per factor and its verdict.</summary>
public sealed class FunctionalArea
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Verdict? Verdict { get; set; }
    public string? NextSteps { get; set; }
    public bool Priority { get; set; }
    public string? PriorityFocus { get; set; }
    public Dictionary<Factor, FactorRatings> Ratings { get; set; } = [];

    public FactorRatings RatingsOf(Factor factor)
    {
        if (!Ratings.TryGetValue(factor, out var ratings))
        {
            ratings = new FactorRatings();
            Ratings[factor] = ratings;
        }

        return ratings;
    }

    public FactorRatings? PeekRatings(Factor factor) => Ratings.GetValueOrDefault(factor);

    /// <summary>A copy whose ratings fold apart from this one's (see <see cref="Assessment.Copy"/>).</summary>
    public FunctionalArea Copy() => new()
    {
        Id = Id,
        Name = Name,
        Verdict = Verdict,
        NextSteps = NextSteps,
        Priority = Priority,
        PriorityFocus = PriorityFocus,
        Ratings = Ratings.ToDictionary(r => r.Key, r => r.Value.Copy())
    };
}
