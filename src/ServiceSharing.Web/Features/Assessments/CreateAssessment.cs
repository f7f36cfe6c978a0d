using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Assessments;

public sealed record CreateAssessment(string? Title, IReadOnlyList<string?>? Areas);

public sealed record AssessmentStarted(Guid Id, long Version) : CreationResponse($"/api/assessments/{Id}");

public static class CreateAssessmentEndpoint
{
    public const int MaxAreas = 100;

    public static ProblemDetails Validate(CreateAssessment? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        var errors = new RequestErrors().RequiredText("title", command.Title, RequestErrors.TitleMax);
        var areas = command.Areas ?? [];
        errors.When(areas.Count > MaxAreas, "areas", $"'areas' may list at most {MaxAreas} names.");
        for (var i = 0; i < areas.Count; i++)
        {
            errors.RequiredText($"areas[{i}]", areas[i], RequestErrors.NameMax);
        }

        var duplicate = areas.Where(a => !string.IsNullOrWhiteSpace(a))
            .GroupBy(a => a!.Trim(), StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        errors.When(duplicate is not null, "areas", $"'areas' names '{duplicate?.Key}' more than once.");
        return errors.ToProblem();
    }

    [WolverinePost("/api/assessments"), Authorize(Roles = "facilitator")]
    public static (AssessmentStarted, IStartStream) Post(CreateAssessment command)
    {
        var events = Decide(Guid.NewGuid(), command);
        var started = MartenOps.StartStream<Assessment>(((AssessmentCreated)events[0]).AssessmentId, [.. events]);
        return (new AssessmentStarted(started.StreamId, events.Count), started);
    }

    /// <summary>Pure: a new assessment is its creation followed by one event per named area.</summary>
    public static IReadOnlyList<object> Decide(Guid assessmentId, CreateAssessment command) =>
    [
        new AssessmentCreated(assessmentId, command.Title!.Trim(), AssessmentRubric.Default),
        .. (command.Areas ?? []).Select(name => new FunctionalAreaAdded(Guid.NewGuid(), name!.Trim()))
    ];
}
