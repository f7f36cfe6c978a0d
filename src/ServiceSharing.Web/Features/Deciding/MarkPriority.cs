using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Deciding;

/// <summary>Marks an area (or takes the mark off) as a priority for further analysis.</summary>
public sealed record MarkPriority(Guid? AreaId, bool? Priority, string? Focus, string? Rationale, long? ExpectedVersion);

public static class MarkPriorityEndpoint
{
    public static ProblemDetails Validate(MarkPriority? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(command.AreaId is null || command.AreaId == Guid.Empty, "areaId", "'areaId' is required.")
            .When(command.Priority is null, "priority", "'priority' is required: true to mark, false to unmark.")
            .OptionalText("focus", command.Focus, RequestErrors.NameMax)
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();
    }

    public static ProblemDetails Before(MarkPriority command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion, command.AreaId);

    [WolverinePost("/api/assessments/{id}/priorities"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        MarkPriority command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [Decide(command)]);

    public static object Decide(MarkPriority command) => command.Priority == true
        ? new AreaPrioritized(command.AreaId!.Value, Blank.ToNull(command.Focus), Blank.ToNull(command.Rationale))
        : new AreaDeprioritized(command.AreaId!.Value, Blank.ToNull(command.Rationale));
}
