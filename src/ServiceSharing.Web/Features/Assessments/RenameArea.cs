using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Assessments;

public sealed record RenameArea(string? Name, string? Rationale, long? ExpectedVersion);

public static class RenameAreaEndpoint
{
    public static ProblemDetails Validate(RenameArea? command) => command is null
        ? RequestErrors.MissingBody()
        : new RequestErrors()
            .RequiredText("name", command.Name, RequestErrors.NameMax)
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();

    public static ProblemDetails Before(RenameArea command, Guid areaId, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion, areaId).OrElse(() =>
            assessment.FindArea(command.Name!) is { } same && same.Id != areaId
                ? new RequestErrors().Add("name", $"The assessment already has an area named '{command.Name!.Trim()}'.").ToProblem()
                : WolverineContinue.NoProblems);

    [WolverinePost("/api/assessments/{id}/areas/{areaId}/rename"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        RenameArea command,
        Guid areaId,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [Decide(areaId, command)]);

    public static FunctionalAreaRenamed Decide(Guid areaId, RenameArea command) =>
        new(areaId, command.Name!.Trim(), Blank.ToNull(command.Rationale));
}
