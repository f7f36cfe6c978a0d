using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Assessments;

public sealed record AddArea(string? Name, long? ExpectedVersion);

public sealed record AreaAdded(Guid AreaId, long Version, Guid AssessmentId) : CreationResponse($"/api/assessments/{AssessmentId}");

public static class AddAreaEndpoint
{
    public static ProblemDetails Validate(AddArea? command) => command is null
        ? RequestErrors.MissingBody()
        : new RequestErrors().RequiredText("name", command.Name, RequestErrors.NameMax).ToProblem();

    public static ProblemDetails Before(AddArea command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion).OrElse(() =>
            assessment.FindArea(command.Name!) is null
                ? WolverineContinue.NoProblems
                : new RequestErrors().Add("name", $"The assessment already has an area named '{command.Name!.Trim()}'.").ToProblem());

    [WolverinePost("/api/assessments/{id}/areas"), Authorize(Roles = "facilitator")]
    public static (AreaAdded, Events) Post(
        AddArea command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
    {
        var added = Decide(Guid.NewGuid(), command);
        return (new AreaAdded(added.AreaId, assessment.Version + 1, assessment.Id), [added]);
    }

    public static FunctionalAreaAdded Decide(Guid areaId, AddArea command) => new(areaId, command.Name!.Trim());
}
