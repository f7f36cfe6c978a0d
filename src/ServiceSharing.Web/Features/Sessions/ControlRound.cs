using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>The facilitator reveals a blind round, sends it back to a re-vote, discards it unrevealed, or closes it.</summary>
public static class ControlRoundEndpoint
{
    public static Task<SessionStreams?> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellation) =>
        SessionStreams.LockAsync(session, id, cancellation);

    public static ProblemDetails Before(Guid roundId, string action, SessionStreams? streams)
    {
        if (action is not ("reveal" or "close" or "revote" or "discard"))
        {
            return Refusals.NotFound($"Rounds can be revealed, closed, discarded or sent to a re-vote, not '{action}'.");
        }

        if (streams?.State.FindRound(roundId) is null)
        {
            return Refusals.NotFound("No such session or round.");
        }

        return streams.State.Closed
            ? Refusals.Conflict("The session is closed.", streams.Assessment.Aggregate!.Version)
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/sessions/{id}/rounds/{roundId}/{action}"), Authorize(Roles = "facilitator")]
    [ProducesResponseType<WriteAccepted>(StatusCodes.Status200OK)]
    public static IResult Post(Guid roundId, string action, [NotBody] SessionStreams streams)
    {
        var round = streams.State.FindRound(roundId)!;
        var outcome = action switch
        {
            "reveal" => RoundDecisions.Reveal(round),
            "close" => RoundDecisions.Close(round),
            "discard" => RoundDecisions.Discard(round),
            _ => RoundDecisions.Revote(round)
        };

        if (outcome.Refusal is { } why)
        {
            return Results.Problem(Refusals.Conflict(why, streams.Assessment.Aggregate!.Version));
        }

        streams.Session.AppendMany(outcome.SessionEvents);
        streams.Assessment.AppendMany(outcome.AssessmentEvents);
        return Results.Ok(new WriteAccepted(streams.AssessmentVersionAfter(outcome.AssessmentEvents.Count)));
    }
}
