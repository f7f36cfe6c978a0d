using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using Marten;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Deciding;

/// <summary>SessionId, when the verdict is recorded in a workshop, lets the facilitator undo it from the session.</summary>
public sealed record RecordVerdict(Guid? AreaId, string? Verdict, string? NextSteps, string? Rationale, long? ExpectedVersion, Guid? SessionId = null);

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

    public static async Task<ProblemDetails> Before(RecordVerdict command, Assessment assessment, IQuerySession session, CancellationToken cancellation)
    {
        if (command.SessionId is { } sessionId)
        {
            var review = await session.LoadAsync<ReviewSession>(sessionId, cancellation);
            if (review is null || review.Closed || review.AssessmentId != assessment.Id)
            {
                return Refusals.NotFound($"The assessment has no open session '{sessionId}'.");
            }
        }

        return AssessmentPreconditions.Check(assessment, command.ExpectedVersion, command.AreaId);
    }

    [WolverinePost("/api/assessments/{id}/verdicts"), Authorize(Roles = "facilitator")]
    public static async Task<(WriteAccepted, Events)> Post(
        RecordVerdict command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment,
        IDocumentSession session,
        CancellationToken cancellation)
    {
        var version = assessment.Version + 1;
        if (command.SessionId is { } sessionId)
        {
            // The session remembers the verdict so its undo can take it back; the session row is written after the
            // assessment's lock is held, in the order every session command takes them. Under that lock the session's
            // version cannot move, and appending at it gives the session's view its true version (a plain quick
            // append would leave it at 0).
            var sessionVersion = (await session.Events.FetchStreamStateAsync(sessionId, cancellation))!.Version;
            session.Events.Append(sessionId, sessionVersion + 1, new SessionVerdictRecorded(command.AreaId!.Value, version));
        }

        return (new WriteAccepted(version), [Decide(command, assessment.FindArea(command.AreaId!.Value)!)]);
    }

    /// <summary>Pure. Leaving out nextSteps keeps the area's current ones; an empty string clears them.</summary>
    public static VerdictRecorded Decide(RecordVerdict command, FunctionalArea area)
    {
        Verdicts.TryParse(command.Verdict, out var verdict);
        var nextSteps = command.NextSteps is null ? area.NextSteps : Blank.ToNull(command.NextSteps);
        return new VerdictRecorded(area.Id, verdict, nextSteps, Blank.ToNull(command.Rationale));
    }
}
