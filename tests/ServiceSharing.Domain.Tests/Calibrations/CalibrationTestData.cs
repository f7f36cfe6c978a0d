using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Tests.Calibrations;

internal static class CalibrationTestData
{
    public static readonly Guid A = Guid.NewGuid();
    public static readonly Guid B = Guid.NewGuid();
    public static readonly Guid C = Guid.NewGuid();
    public static readonly Guid D = Guid.NewGuid();

    public static Org OrgOf(Guid reviewer) => reviewer == C || reviewer == D ? Org.County : Org.City;

    public static ReviewerScore Score(Guid reviewer, int score) => new(reviewer, OrgOf(reviewer), score);

    public static PanelCell Cell(Guid area, Factor factor, params ReviewerScore[] scores) => new(area, factor, scores);

    public static CalibrationRated Rated(Guid area, Factor factor, Guid reviewer, int score) =>
        new(area, factor, score, null, reviewer, OrgOf(reviewer));

    public static CalibrationRound Round(Guid area, DateTimeOffset? revealedAt, params CalibrationRated[] ratings)
    {
        var round = new CalibrationRound();
        var opened = DateTimeOffset.Parse("2026-01-05T09:00:00Z");
        round.Evolve(new CalibrationOpened(Guid.NewGuid(), Guid.NewGuid(), [new ReferenceArea(area, "Reference")], ScaleAnchors.Default, null), opened);
        foreach (var rating in ratings)
        {
            round.Evolve(rating, opened);
        }

        if (revealedAt is { } at)
        {
            round.Evolve(new CalibrationRevealed(null), at);
        }

        return round;
    }
}
