using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>A reviewer confirms, from their own screen, the scores a facilitator entered for them in a round.</summary>
public static class ConfirmProxyRatingEndpoint
{
    public static Task<SessionStreams?> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellation) =>
        SessionStreams.LockAsync(session, id, cancellation);

    public static ProblemDetails Before(Guid roundId, SessionStreams? streams, ClaimsPrincipal user)
    {
        var round = streams?.State.FindRound(roundId);
        if (round is null)
        {
            return Refusals.NotFound("No such session or round.");
        }

        var reviewer = user.RequireActor();
        return round.Scores.Any(s => s.ReviewerId == reviewer.Id && !s.Confirmed)
            ? WolverineContinue.NoProblems
            : Refusals.Conflict("Nothing entered for you in this round waits for your confirmation.", streams!.Assessment.Aggregate!.Version);
    }

    [WolverinePost("/api/sessions/{id}/rounds/{roundId}/confirm"), Authorize(Roles = "reviewer")]
    public static WriteAccepted Post(Guid roundId, [NotBody] SessionStreams streams, ClaimsPrincipal user)
    {
        streams.Session.AppendOne(new ProxyRatingConfirmed(roundId, user.RequireActor().Id));
        return new WriteAccepted(streams.AssessmentVersionAfter(0));
    }
}
