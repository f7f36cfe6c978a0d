using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Assessments;

/// <summary>The board's areas first to last: every area on the board, each once.</summary>
public sealed record ReorderAreas(IReadOnlyList<Guid>? AreaIds, long? ExpectedVersion);

public static class ReorderAreasEndpoint
{
    public static ProblemDetails Validate(ReorderAreas? command) => command is null
        ? RequestErrors.MissingBody()
        : new RequestErrors()
            .When(command.AreaIds is not { Count: > 0 }, "areaIds", "'areaIds' is required: the board's area ids in their new order.")
            .When(command.AreaIds is { } ids && ids.Distinct().Count() != ids.Count, "areaIds", "'areaIds' names an area more than once.")
            .ToProblem();

    public static ProblemDetails Before(ReorderAreas command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion).OrElse(() =>
            command.AreaIds!.Count == assessment.Areas.Count && command.AreaIds.All(id => assessment.FindArea(id) is not null)
                ? WolverineContinue.NoProblems
                : new RequestErrors().Add("areaIds", $"'areaIds' must name each of the board's {assessment.Areas.Count} areas once, and no other.").ToProblem());

    [WolverinePost("/api/assessments/{id}/areas/order"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        ReorderAreas command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [new FunctionalAreasReordered([.. command.AreaIds!])]);
}
