using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Deciding;

public sealed record RecordVerdict(Guid? AreaId, string? Verdict, string? NextSteps, string? Rationale, long? ExpectedVersion);

public static class RecordVerdictEndpoint
{
    public static ProblemDetails Validate(RecordVerdict? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(command.AreaId is null || command.AreaId == Guid.Empty, "areaId", "'areaId' is required.")
            .When(!Verdicts.TryParse(command.Verdict, out _), "verdict", "'verdict' must be one of Yes, No, Maybe.")
            .OptionalText("nextSteps", command.NextSteps, RequestErrors.TextMax)
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();
    }

    public static ProblemDetails Before(RecordVerdict command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion, command.AreaId);

    [WolverinePost("/api/assessments/{id}/verdicts"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        RecordVerdict command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [Decide(command, assessment.FindArea(command.AreaId!.Value)!)]);

    /// <summary>Pure. Leaving out nextSteps keeps the area's current ones; an empty string clears them.</summary>
    public static VerdictRecorded Decide(RecordVerdict command, FunctionalArea area)
    {
        Verdicts.TryParse(command.Verdict, out var verdict);
        var nextSteps = command.NextSteps is null ? area.NextSteps : Blank.ToNull(command.NextSteps);
        return new VerdictRecorded(area.Id, verdict, nextSteps, Blank.ToNull(command.Rationale));
    }
}
