using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Seed;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Assessments;

/// <summary>What a new assessment can start from: its areas, factor wording and scale, never ratings.</summary>
public sealed record AssessmentStart(string Key, string Name, IReadOnlyList<string> Areas, IReadOnlyList<FactorView> Factors,
    IReadOnlyList<ScaleStepView> Scale, GovernmentsView Governments);

public static class AssessmentStarts
{
    public const string Blank = "blank";
    public const string PartneringUp = "partnering-up";

    public static IReadOnlyList<AssessmentStart> All { get; } =
    [
        From(Blank, "Blank", []),
        // The study's ten Phase I areas with its factors and scale; its verdicts and priorities are its own.
        From(PartneringUp, "Partnering Up study", [.. MilwaukeeStudy.InitialAssessment.Select(row => row.Area)])
    ];

    public static AssessmentStart? Find(string? key) => All.FirstOrDefault(s => s.Key == (key ?? Blank));

    private static AssessmentStart From(string key, string name, IReadOnlyList<string> areas)
    {
        var rubric = AssessmentRubric.Default;
        return new AssessmentStart(key, name, areas,
            [.. rubric.Factors.Select(f => new FactorView(f.Factor.Key(), f.Label, f.Description))],
            [.. rubric.Scale.Select(s => new ScaleStepView(s.Score, s.Label))],
            new GovernmentsView(GovernmentNames.Default.City, GovernmentNames.Default.County));
    }
}

public static class ListAssessmentStartsEndpoint
{
    [WolverineGet("/api/assessment-starts")]
    public static IReadOnlyList<AssessmentStart> Get() => AssessmentStarts.All;
}
