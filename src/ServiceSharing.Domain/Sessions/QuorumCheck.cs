using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Sessions;

public enum RoundAgreement
{
    Agreed,
    Split,
    NoQuorum
}

public sealed record MissingReviewers(Org Org, int Needed, int Have, IReadOnlyList<string> NotYetRated);

public sealed record QuorumResult(RoundAgreement Agreement, IReadOnlyList<MissingReviewers> Missing, IReadOnlyList<Factor> SplitFactors);

/// <summary>
/// Whether a round can stand as agreed: each government needs its quorum of reviewers who rated every factor of the
/// round; with quorum, a factor whose city and county medians sit two or more steps apart is a split.
/// </summary>
public static class QuorumCheck
{
    public const int SplitDistance = 2;

    public static QuorumResult Evaluate(ReviewSession session, Round round)
    {
        var missing = new List<MissingReviewers>();
        foreach (var org in new[] { Org.City, Org.County })
        {
            var reviewers = session.Participants.Where(p => p.Org == org && p.Role == Role.Reviewer).ToList();
            var complete = round.Scores.Where(s => s.Org == org).Select(s => s.ReviewerId).Distinct()
                .Count(round.HasRatedEveryFactor);
            var needed = session.Quorum.For(org);
            if (complete < needed)
            {
                var notYet = reviewers.Where(r => !round.HasRatedEveryFactor(r.Id)).Select(r => r.Name).ToList();
                missing.Add(new MissingReviewers(org, needed, complete, notYet));
            }
        }

        if (missing.Count > 0)
        {
            return new QuorumResult(RoundAgreement.NoQuorum, missing, []);
        }

        var split = round.Factors.Where(f => Distance(round, f) >= SplitDistance).ToList();
        return new QuorumResult(split.Count > 0 ? RoundAgreement.Split : RoundAgreement.Agreed, [], split);
    }

    private static double Distance(Round round, Factor factor)
    {
        double? MedianOf(Org org) => Assessments.Median.Of(round.Scores.Where(s => s.Org == org && s.Factor == factor).Select(s => s.Score));
        return MedianOf(Org.City) is { } city && MedianOf(Org.County) is { } county ? Math.Abs(city - county) : 0;
    }
}
