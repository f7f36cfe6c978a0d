using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Deciding;

/// <summary>Pause (put on hold), resume or complete a started phase; the transition is the last route segment.</summary>
public sealed record ChangePhase(string? Rationale, long? ExpectedVersion);

public static class ChangePhaseEndpoint
{
    private static readonly string[] Transitions = ["pause", "resume", "complete"];

    public static ProblemDetails Validate(ChangePhase? command, string transition)
    {
        if (!Transitions.Contains(transition))
        {
            return Refusals.NotFound($"Phases can be paused, resumed or completed, not '{transition}'.");
        }

        return new RequestErrors().OptionalText("rationale", command?.Rationale, RequestErrors.TextMax).ToProblem();
    }

    public static ProblemDetails Before(ChangePhase? command, string phase, string transition, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command?.ExpectedVersion).OrElse(() => Transition(phase, transition, assessment));

    private static ProblemDetails Transition(string phase, string transition, Assessment assessment)
    {
        if (assessment.FindPhase(phase) is not { } current)
        {
            return Refusals.NotFound($"The assessment has no phase '{phase}'.");
        }

        var allowed = (transition, current.Status) switch
        {
            ("pause", PhaseStatus.Active) => true,
            ("resume", PhaseStatus.OnHold) => true,
            ("complete", not PhaseStatus.Completed) => true,
            _ => false
        };
        return allowed
            ? WolverineContinue.NoProblems
            : Refusals.Conflict($"Phase '{phase}' is {current.Status}; it cannot {transition}.", assessment.Version);
    }

    [WolverinePost("/api/assessments/{id}/phases/{phase}/{transition}"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        ChangePhase? command,
        string phase,
        string transition,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [Decide(phase, transition, Blank.ToNull(command?.Rationale))]);

    public static object Decide(string phase, string transition, string? rationale) => transition switch
    {
        "pause" => new PhasePaused(phase, rationale),
        "resume" => new PhaseResumed(phase, rationale),
        _ => new PhaseCompleted(phase, rationale)
    };
}
