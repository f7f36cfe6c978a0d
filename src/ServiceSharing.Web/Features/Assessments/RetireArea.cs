using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Assessments;

public sealed record RetireArea(string? Rationale, long? ExpectedVersion);

/// <summary>Takes an area off the board. Nothing is deleted: its ratings and verdicts stay in the stream, so history,
/// replay and diff before the retirement still show it.</summary>
public static class RetireAreaEndpoint
{
    public static ProblemDetails Validate(RetireArea? command) =>
        new RequestErrors().OptionalText("rationale", command?.Rationale, RequestErrors.TextMax).ToProblem();

    public static ProblemDetails Before(RetireArea? command, Guid areaId, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command?.ExpectedVersion, areaId);

    [WolverinePost("/api/assessments/{id}/areas/{areaId}/retire"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        RetireArea? command,
        Guid areaId,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [new FunctionalAreaRetired(areaId, Blank.ToNull(command?.Rationale))]);
}
