using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Assessments;

public sealed record ReviewerScore(Guid ReviewerId, Org Org, int Score);

/// <summary>The current scores of one factor of one area: each reviewer's latest, and the joint one.</summary>
public sealed class FactorRatings
{
    public List<ReviewerScore> Reviewers { get; set; } = [];
    public int? Joint { get; set; }

    /// <summary>The scores are records, shared; the list is the copy's own.</summary>
    public FactorRatings Copy() => new() { Reviewers = [.. Reviewers], Joint = Joint };

    public int? ScoreOf(Guid reviewerId) => Reviewers.FirstOrDefault(r => r.ReviewerId == reviewerId)?.Score;

    public void Record(ReviewerScore score)
    {
        Reviewers.RemoveAll(r => r.ReviewerId == score.ReviewerId);
        Reviewers.Add(score);
    }

    /// <summary>The org's value on the board: the median of its reviewers' current scores.</summary>
    public double? ValueOf(Org org) => Median.Of(Reviewers.Where(r => r.Org == org).Select(r => r.Score));
}
