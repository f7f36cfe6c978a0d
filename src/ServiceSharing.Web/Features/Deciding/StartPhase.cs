using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Deciding;

public sealed record StartPhase(string? Phase, string? Name, string? Rationale, long? ExpectedVersion);

public static partial class StartPhaseEndpoint
{
    public static ProblemDetails Validate(StartPhase? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(command.Phase is null || !PhaseKey().IsMatch(command.Phase), "phase",
                "'phase' is required: 1 to 40 lowercase letters, digits or dashes, e.g. 'phase-2'.")
            .RequiredText("name", command.Name, RequestErrors.TitleMax)
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();
    }

    public static ProblemDetails Before(StartPhase command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion).OrElse(() =>
            assessment.FindPhase(command.Phase!) is null
                ? WolverineContinue.NoProblems
                : new RequestErrors().Add("phase", $"Phase '{command.Phase}' was started before; resume it instead.").ToProblem());

    [WolverinePost("/api/assessments/{id}/phases"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        StartPhase command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [new PhaseStarted(command.Phase!, command.Name!.Trim(), Blank.ToNull(command.Rationale))]);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex PhaseKey();
}
